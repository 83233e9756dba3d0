//! Token amounts for people: `1.5 DPN` ↔ 1_500_000_000_000 planck (12 decimals; the
//! smallest unit is called `planck`, as on Polkadot).

use crate::types::Balance;

/// Decimals of the token.
pub const DECIMALS: u32 = 12;
/// Symbol of the token.
pub const SYMBOL: &str = "DPN";
/// Name of the smallest unit (10⁻¹² DPN).
pub const SMALLEST: &str = "planck";

/// `amount` as `12.345 DPN`, trailing zeros dropped.
pub fn format_balance(amount: Balance) -> String {
	let unit = 10u128.pow(DECIMALS);
	let (whole, frac) = (amount / unit, amount % unit);
	if frac == 0 {
		return format!("{whole} {SYMBOL}");
	}
	let frac = format!("{frac:0width$}", width = DECIMALS as usize);
	format!("{whole}.{} {SYMBOL}", frac.trim_end_matches('0'))
}

/// A price per fuel, `1000 planck`: prices per fuel are tiny fractions of a DPN, and read
/// best in the smallest unit.
pub fn format_price(price: Balance) -> String {
	format!("{price} {SMALLEST}")
}

/// Parses `1.5`, `1.5DPN`, `1.5 DPN`, or an integer of the smallest unit with the suffix
/// `planck` (`1500planck`, `1500 planck`). Empty input is an error; so is the suffix `u`
/// (it conventionally means micro, which is not what anyone should have to guess).
pub fn parse_balance(s: &str) -> Result<Balance, String> {
	let s = s.trim();
	if s.is_empty() {
		return Err("an amount is required: `1.5` (DPN) or `1500planck`".into());
	}
	if let Some(raw) = s.strip_suffix(SMALLEST) {
		return raw.trim().parse().map_err(|e| format!("{s}: {e}"));
	}
	if s.ends_with('u') {
		return Err(format!(
			"{s}: the smallest unit is written `planck` (`1000planck`); `u` is not a unit here"
		));
	}
	let s = s.strip_suffix(SYMBOL).unwrap_or(s).trim();
	let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
	if whole.is_empty() && frac.is_empty() {
		return Err(format!("{s}: not an amount"));
	}
	if frac.len() > DECIMALS as usize {
		return Err(format!("{s}: at most {DECIMALS} decimals"));
	}
	let whole: Balance =
		if whole.is_empty() { 0 } else { whole.parse().map_err(|e| format!("{s}: {e}"))? };
	let frac_units: Balance = if frac.is_empty() {
		0
	} else {
		frac.parse::<Balance>().map_err(|e| format!("{s}: {e}"))?
			* 10u128.pow(DECIMALS - frac.len() as u32)
	};
	whole
		.checked_mul(10u128.pow(DECIMALS))
		.and_then(|w| w.checked_add(frac_units))
		.ok_or_else(|| format!("{s}: too large"))
}

/// Parses a size in bytes: `1048576`, `64KiB`, `128MiB`, `1GiB` (binary units; a space
/// before the unit is allowed).
pub fn parse_size(s: &str) -> Result<u64, String> {
	let t = s.trim();
	let (digits, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
	let factor: u64 = match unit.trim() {
		"" | "B" => 1,
		"KiB" => 1 << 10,
		"MiB" => 1 << 20,
		"GiB" => 1 << 30,
		other => return Err(format!("{s}: unknown unit {other:?} (B, KiB, MiB or GiB)")),
	};
	let n: u64 = digits.parse().map_err(|_| format!("{s}: not a size (e.g. 64MiB)"))?;
	n.checked_mul(factor).ok_or_else(|| format!("{s}: too large"))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn sizes_parse_with_binary_units() {
		assert_eq!(parse_size("1048576"), Ok(1 << 20));
		assert_eq!(parse_size("64KiB"), Ok(64 << 10));
		assert_eq!(parse_size("128 MiB"), Ok(128 << 20));
		assert_eq!(parse_size("1GiB"), Ok(1 << 30));
		for bad in ["", "MiB", "1.5MiB", "12MB", "-1", "99999999999999GiB"] {
			assert!(parse_size(bad).is_err(), "{bad:?} was accepted");
		}
	}

	#[test]
	fn round_trips() {
		assert_eq!(format_balance(1_500_000_000_000), "1.5 DPN");
		assert_eq!(format_balance(100 * 10u128.pow(12)), "100 DPN");
		assert_eq!(format_balance(1), "0.000000000001 DPN");
		assert_eq!(parse_balance("1.5"), Ok(1_500_000_000_000));
		assert_eq!(parse_balance("2 DPN"), Ok(2_000_000_000_000));
		assert_eq!(parse_balance("1500planck"), Ok(1500));
		assert_eq!(parse_balance("1500 planck"), Ok(1500));
		assert_eq!(parse_balance(".5"), Ok(500_000_000_000));
		assert!(parse_balance("1.0000000000001").is_err());
		assert!(parse_balance("abc").is_err());
	}

	#[test]
	fn empty_and_ambiguous_amounts_are_errors() {
		for bad in ["", "  ", ".", "DPN", "1500u", "1.5 uDPN", "planck"] {
			assert!(parse_balance(bad).is_err(), "{bad:?} was accepted");
		}
		assert!(parse_balance("1500u").unwrap_err().contains("planck"));
	}
}
