//! Reading a QR code drawn in half blocks back, as a phone camera would:
//! the rows rasterized to a grey image, then decoded with rqrr.

/// The rows as a luma image, `scale` pixels a module: ink (`█`, the top or
/// bottom half of `▀` `▄`) is `ink`, the rest `paper`.
pub fn rasterize(rows: &[String], scale: usize, ink: u8, paper: u8) -> (usize, usize, Vec<u8>) {
    let w = rows[0].chars().count();
    assert!(rows.iter().all(|r| r.chars().count() == w), "ragged rows");
    let h = rows.len() * 2;
    let mut modules = vec![paper; w * h];
    for (y, row) in rows.iter().enumerate() {
        for (x, c) in row.chars().enumerate() {
            let (top, bottom) = match c {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                ' ' => (false, false),
                other => panic!("unexpected {other:?}"),
            };
            if top {
                modules[2 * y * w + x] = ink;
            }
            if bottom {
                modules[(2 * y + 1) * w + x] = ink;
            }
        }
    }
    let (pw, ph) = (w * scale, h * scale);
    let mut pixels = vec![paper; pw * ph];
    for py in 0..ph {
        for px in 0..pw {
            pixels[py * pw + px] = modules[(py / scale) * w + px / scale];
        }
    }
    (pw, ph, pixels)
}

pub fn decode(w: usize, h: usize, pixels: &[u8]) -> Vec<String> {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    img.detect_grids()
        .iter()
        .filter_map(|g| g.decode().ok().map(|(_, s)| s))
        .collect()
}
