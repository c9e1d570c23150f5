//! The kiosk's staff PIN: stored only as a salted Argon2id hash (a PHC
//! string such as `$argon2id$v=19$m=19456,t=2,p=1$...`), never in plain text.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// PINs are digits only, this many.
pub const PIN_LENGTH: std::ops::RangeInclusive<usize> = 4..=12;

/// Whether a PIN has the allowed shape (4 to 12 digits).
pub fn is_valid_pin(pin: &str) -> bool {
    PIN_LENGTH.contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// Why a new PIN is too easy to guess, if it is: all one digit (0000), a
/// run up or down (1234, 9876), or fewer than 6 digits unless `allow_short`.
/// (Checked when the PIN is made; the kiosk also locks the staff prompt
/// after wrong tries, see `app::kiosk::PinGuard`.)
pub fn weakness(pin: &str, allow_short: bool) -> Option<String> {
    let digits: Vec<i32> = pin
        .bytes()
        .map(|b| i32::from(b) - i32::from(b'0'))
        .collect();
    if digits.windows(2).all(|w| w[0] == w[1]) {
        return Some("all one digit: anyone would try it".into());
    }
    let step = digits[1] - digits[0];
    if step.abs() == 1 && digits.windows(2).all(|w| w[1] - w[0] == step) {
        return Some("a run of digits (like 1234): anyone would try it".into());
    }
    if pin.len() < 6 && !allow_short {
        return Some(format!(
            "{} digits can all be tried in hours; use 6 or more (or --allow-short)",
            pin.len()
        ));
    }
    None
}

/// Hashes a PIN with a fresh random salt.
pub fn hash_pin(pin: &str) -> Result<String, String> {
    if !is_valid_pin(pin) {
        return Err(format!(
            "a PIN is {} to {} digits",
            PIN_LENGTH.start(),
            PIN_LENGTH.end()
        ));
    }
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("could not hash the PIN: {e}"))
}

/// Checks that a stored hash is an Argon2 PHC string careguide can verify.
pub fn check_hash(hash: &str) -> Result<(), String> {
    let parsed = PasswordHash::new(hash)
        .map_err(|e| format!("not a password hash ({e}); make one with `careguide pin-hash`"))?;
    if !parsed.algorithm.as_str().starts_with("argon2") {
        return Err(format!(
            "the hash uses `{}`; careguide needs an Argon2 hash from `careguide pin-hash`",
            parsed.algorithm
        ));
    }
    Ok(())
}

/// Whether `pin` matches the stored hash (false for a malformed hash).
pub fn verify_pin(pin: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trivial_pins_are_refused() {
        for pin in ["000000", "1111", "123456", "987654", "0123456789", "12345"] {
            assert!(weakness(pin, false).is_some(), "{pin}");
        }
        assert!(weakness("2468", false).is_some(), "short");
        assert!(weakness("2468", true).is_none(), "--allow-short");
        assert!(
            weakness("1234", true).is_some(),
            "a run even when short is allowed"
        );
        assert!(weakness("730194", false).is_none());
    }

    #[test]
    fn hashes_are_salted_and_verify() {
        let a = hash_pin("2468").unwrap();
        let b = hash_pin("2468").unwrap();
        assert_ne!(a, b, "each hash has its own salt");
        assert!(a.starts_with("$argon2id$"));
        assert!(!a.contains("2468"));
        assert!(verify_pin("2468", &a));
        assert!(!verify_pin("2469", &a));
        assert!(!verify_pin("2468", "not a hash"));
        assert!(check_hash(&a).is_ok());
        assert!(check_hash("plain-text-pin").is_err());
    }

    #[test]
    fn pins_are_digits() {
        assert!(is_valid_pin("0000"));
        assert!(!is_valid_pin("123"));
        assert!(!is_valid_pin("12a4"));
        assert!(hash_pin("12").is_err());
    }
}
