//! Purchase trends (采购趋势): a customer's chart data and signals, the records of the tab's
//! grid, and the home page's signal feed and portfolio chart.

use dossier_core::trends::{
    FeedQuery, PortfolioQuery, PortfolioTrend, Purchase, PurchaseFields, PurchasePage, PurchaseQuery, SignalFeed,
    TrendData, TrendRange, TrendSignal,
};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn trend_data(state: State<'_, AppState>, customer_id: i64, range: TrendRange) -> Res<TrendData> {
    state.with(|s| s.trend_data(customer_id, &range))
}

#[tauri::command]
pub async fn customer_signals(state: State<'_, AppState>, customer_id: i64) -> Res<Vec<TrendSignal>> {
    state.with(|s| s.customer_signals(customer_id))
}

#[tauri::command]
pub async fn signal_feed(state: State<'_, AppState>, query: FeedQuery) -> Res<SignalFeed> {
    state.with(|s| s.signal_feed(&query))
}

#[tauri::command]
pub async fn portfolio_trend(state: State<'_, AppState>, query: PortfolioQuery) -> Res<PortfolioTrend> {
    state.with(|s| s.portfolio_trend(&query))
}

#[tauri::command]
pub async fn list_purchases(state: State<'_, AppState>, customer_id: i64, query: PurchaseQuery) -> Res<PurchasePage> {
    state.with(|s| s.purchases(customer_id, &query))
}

#[tauri::command]
pub async fn add_purchase(state: State<'_, AppState>, customer_id: i64, fields: PurchaseFields) -> Res<Purchase> {
    state.with(|s| s.add_purchase(customer_id, &fields))
}

#[tauri::command]
pub async fn update_purchase(state: State<'_, AppState>, id: i64, fields: PurchaseFields) -> Res<Purchase> {
    state.with(|s| s.update_purchase(id, &fields))
}

#[tauri::command]
pub async fn delete_purchase(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_purchase(id))
}
