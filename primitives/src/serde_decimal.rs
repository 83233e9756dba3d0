//! JSON form of balances: decimal strings, as polkadot-sdk's RPCs give them — a
//! JavaScript number loses precision above 2⁵³, and balances in the smallest unit exceed
//! it (1 DPN is 10¹² of them).

use alloc::string::String;
use core::{fmt::Display, str::FromStr};
use serde::{de::Error, Deserialize, Deserializer, Serializer};

/// What a balance type needs to travel as a decimal string; the bound of every field
/// using this module (`bound = "Balance: crate::Decimal"`).
pub trait Decimal: Display + FromStr {}
impl<T: Display + FromStr> Decimal for T {}

/// Serializes `value` as a decimal string.
pub fn serialize<S: Serializer, T: Display>(value: &T, s: S) -> Result<S::Ok, S::Error> {
	s.collect_str(value)
}

/// Deserializes a decimal string.
pub fn deserialize<'de, D: Deserializer<'de>, T: FromStr>(d: D) -> Result<T, D::Error> {
	let s = String::deserialize(d)?;
	s.parse().map_err(|_| D::Error::custom("expected a decimal string"))
}

/// The same for an optional balance: a decimal string or `null`.
pub mod option {
	use super::*;

	/// Serializes `value` as a decimal string, or `null`.
	pub fn serialize<S: Serializer, T: Display>(
		value: &Option<T>,
		s: S,
	) -> Result<S::Ok, S::Error> {
		match value {
			Some(v) => s.collect_str(v),
			None => s.serialize_none(),
		}
	}

	/// Deserializes a decimal string or `null`.
	pub fn deserialize<'de, D: Deserializer<'de>, T: FromStr>(d: D) -> Result<Option<T>, D::Error> {
		Option::<String>::deserialize(d)?
			.map(|s| s.parse().map_err(|_| D::Error::custom("expected a decimal string")))
			.transpose()
	}
}

#[cfg(test)]
mod tests {
	#[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
	struct Amount(#[serde(with = "super")] u128);

	#[test]
	fn balances_beyond_2_pow_53_keep_every_digit() {
		let amount = Amount(u128::MAX);
		let json = serde_json::to_string(&amount).unwrap();
		assert_eq!(json, format!("\"{}\"", u128::MAX));
		assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), amount);
		assert!(serde_json::from_str::<Amount>("12").is_err());
	}
}
