//! `depin market`: the task market by price level.

use serde_json::json;

use super::{Global, Output};
use crate::{format_price, types::Balance};
use depin_primitives::MarketView;

/// The market view as lines of text: one per price level, highest price first.
pub fn market_lines(view: &MarketView<Balance>) -> Vec<String> {
	let mut lines = vec![format!(
		"{:>14}  {:>6}  {:>8}  {:>7}  {:>10}",
		"price/fuel ≥", "tasks", "replicas", "devices", "free slots"
	)];
	if view.levels.is_empty() {
		lines.push("(no queued bids and no listed asks)".into());
	}
	for l in &view.levels {
		lines.push(format!(
			"{:>14}  {:>6}  {:>8}  {:>7}  {:>10}",
			format_price(l.from),
			l.tasks,
			l.replicas,
			l.devices,
			l.free_slots
		));
	}
	lines.push(match view.median_clearing_price {
		Some(p) => format!(
			"era {}: {} replicas assigned, median price {} per fuel (within its level)",
			view.last_era,
			view.cleared_replicas,
			format_price(p)
		),
		None => format!("era {}: nothing assigned", view.last_era),
	});
	lines.push(format!(
		"suggested bid for 3 replicas: {} per fuel (`depin job submit --fuel-price auto`)",
		format_price(view.suggested_price(3))
	));
	lines
}

/// `depin market`.
pub async fn run(g: &Global) -> anyhow::Result<Output> {
	let view = g.client().await?.market().await?;
	let mut value = serde_json::to_value(&view)?;
	value["suggestedPrice"] = json!(view.suggested_price(3).to_string());
	Ok(Output::new(market_lines(&view), value))
}
