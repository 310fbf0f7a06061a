//! What happened with a customer and what is due: the customer timeline (visits, actions,
//! stage changes, power-map and profile changes in one feed), the home page (今日), and what
//! deleting a customer takes with it. The store side is `activity/timeline.rs`,
//! `activity/home.rs` and `trash/removal.rs`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;
use crate::opportunities::OpportunityRow;
use crate::risk::CustomerRisk;
use crate::visits::{NextAction, Progress, SalesAction};

mod home;
mod timeline;

code_enum!(
    /// The kinds of timeline entries.
    TimelineKind { Visit = "visit", Action = "action", Stage = "stage", PowerMap = "power_map", Profile = "profile", AfterSale = "after_sale" }
);

/// One timeline entry. `title`/`detail` are the user's own text (a visit's goal and summary,
/// an action, an opportunity's name, a contact's name, a section code); `from`/`to` are codes
/// the UI translates (stages; the power-map change kind in `to`; an action's status). A
/// follow-up record also brings its progress status and sales actions, so the feed says how
/// far it got without opening it; other kinds leave them empty. 回款与交付 (`after_sale`): a
/// payment received (`from` `payment`, its `amount`, `detail` its note) or a delivery
/// milestone (`from` `milestone`, `detail` its name, `to` its status or `overdue`), `title`
/// the deal's name.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    pub kind: TimelineKind,
    /// When, sortable: YYYY-MM-DD or a UTC timestamp. Visits at their date and time, actions
    /// at their completion or due date, changes when recorded.
    pub at: String,
    /// The visit, action, opportunity, contact; 0 for a profile section, the change for a
    /// lifecycle change.
    pub ref_id: i64,
    pub opportunity_id: Option<i64>,
    pub title: String,
    pub detail: String,
    pub from: String,
    pub to: String,
    pub urgent: bool,
    pub progress: Option<Progress>,
    pub sales_actions: Vec<SalesAction>,
    /// A payment's amount, 元; `None` for the other kinds.
    pub amount: Option<f64>,
}

/// Which entries, one page (newest first). Empty `kinds` = all; `from`/`to` limit the days.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct TimelineQuery {
    pub kinds: Vec<TimelineKind>,
    /// Local days, YYYY-MM-DD, inclusive; empty = open-ended.
    pub from: String,
    pub to: String,
    pub offset: i64,
    pub limit: i64,
}

impl Default for TimelineQuery {
    fn default() -> Self {
        TimelineQuery { kinds: vec![], from: String::new(), to: String::new(), offset: 0, limit: 50 }
    }
}

#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TimelinePage {
    pub entries: Vec<TimelineEntry>,
    pub total: i64,
}

/// The home page's filter: whose actions, customers and opportunities (empty = everyone's).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct HomeQuery {
    pub owners: Vec<String>,
    /// Rows per list (1–200).
    pub limit: i64,
}

impl Default for HomeQuery {
    fn default() -> Self {
        HomeQuery { owners: vec![], limit: 50 }
    }
}

/// 今日: my actions due today and overdue, customers with a red light, opportunities expected
/// to close this month (each list with its total; the signal feed is `Store::signal_feed`).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct HomeData {
    pub today: String,
    pub due_today: Vec<NextAction>,
    pub due_today_total: i64,
    /// Oldest first.
    pub overdue: Vec<NextAction>,
    pub overdue_total: i64,
    pub red_customers: Vec<CustomerRisk>,
    pub red_total: i64,
    /// Open opportunities expected to close this month, by expected close.
    pub closing: Vec<OpportunityRow>,
    pub closing_total: i64,
    pub closing_amount: f64,
    pub closing_weighted: f64,
    /// Won deals' installments not received and delivery milestones not done after their day,
    /// oldest first.
    pub won_overdue: Vec<crate::payments::WonOverdue>,
    pub won_overdue_total: i64,
}

/// What deleting a customer takes with it (asked before the delete; all of it comes back
/// with 撤销).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CustomerRemoval {
    pub customer_id: i64,
    pub name: String,
    pub contacts: i64,
    pub opportunities: i64,
    pub open_opportunities: i64,
    /// Σ amount of the open opportunities, 元.
    pub open_amount: f64,
    pub visits: i64,
    pub actions: i64,
    pub open_actions: i64,
    pub purchases: i64,
    pub power_scopes: i64,
}
