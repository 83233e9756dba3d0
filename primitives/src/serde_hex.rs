//! JSON form of byte strings: `0x`-prefixed lower-case hex.

use alloc::{string::String, vec::Vec};
use serde::{de::Error, Deserialize, Deserializer, Serializer};

fn to_hex(bytes: &[u8]) -> String {
	const DIGITS: &[u8; 16] = b"0123456789abcdef";
	let mut s = String::with_capacity(2 + bytes.len() * 2);
	s.push_str("0x");
	for b in bytes {
		s.push(DIGITS[(b >> 4) as usize] as char);
		s.push(DIGITS[(b & 0xf) as usize] as char);
	}
	s
}

/// Parses `0x`-prefixed (or bare) hex.
pub fn from_hex(s: &str) -> Option<Vec<u8>> {
	let s = s.strip_prefix("0x").unwrap_or(s);
	if s.len() % 2 == 1 {
		return None;
	}
	(0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

/// Serializes bytes as hex.
pub fn serialize<S: Serializer, T: AsRef<[u8]>>(bytes: &T, s: S) -> Result<S::Ok, S::Error> {
	s.serialize_str(&to_hex(bytes.as_ref()))
}

/// Deserializes hex into `Vec<u8>` or `[u8; N]`.
pub fn deserialize<'de, D: Deserializer<'de>, T: TryFrom<Vec<u8>>>(d: D) -> Result<T, D::Error> {
	let s = String::deserialize(d)?;
	let bytes = from_hex(&s).ok_or_else(|| D::Error::custom("expected hex bytes"))?;
	T::try_from(bytes).map_err(|_| D::Error::custom("wrong number of bytes"))
}
