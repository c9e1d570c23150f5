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
