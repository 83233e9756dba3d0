//! Token amounts for people: `1.5 DPN` ↔ 1_500_000_000_000 (12 decimals).

use depin_runtime::Balance;

/// Decimals of the token.
pub const DECIMALS: u32 = 12;
/// Symbol of the token.
pub const SYMBOL: &str = "DPN";

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

/// Parses `1.5`, `1.5DPN`, `1.5 DPN` or a plain integer of the smallest unit with the
/// suffix `u` (`1500u`).
pub fn parse_balance(s: &str) -> Result<Balance, String> {
	let s = s.trim();
	if let Some(raw) = s.strip_suffix('u') {
		return raw.trim().parse().map_err(|e| format!("{s}: {e}"));
	}
	let s = s.strip_suffix(SYMBOL).unwrap_or(s).trim();
	let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
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

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn round_trips() {
		assert_eq!(format_balance(1_500_000_000_000), "1.5 DPN");
		assert_eq!(format_balance(100 * 10u128.pow(12)), "100 DPN");
		assert_eq!(format_balance(1), "0.000000000001 DPN");
		assert_eq!(parse_balance("1.5"), Ok(1_500_000_000_000));
		assert_eq!(parse_balance("2 DPN"), Ok(2_000_000_000_000));
		assert_eq!(parse_balance("1500u"), Ok(1500));
		assert!(parse_balance("1.0000000000001").is_err());
		assert!(parse_balance("abc").is_err());
	}
}
