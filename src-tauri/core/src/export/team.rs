//! The team report for the weekly meeting (docs/export.md): 概览 (counts and charts), 客户, 联系人,
//! 财务信号, 采购 (monthly trend and categories, with charts), 采购信号 (the home feed's
//! purchase signals, most severe first), 跟进记录 (every follow-up record, newest first), 商机管道
//! (open opportunities with their risk lights), 预测 (weighted forecast by month and owner),
//! 丢单分析 (lost deals with their review, by reason, competitor and stage), 阶段分析 (days in
//! each stage, conversion, cycle, win rates, lost reasons by month, with charts), 回款 (won deals'
//! planned, received and overdue by month and customer, with a chart), 交付 (their delivery
//! milestones, the late ones first) and 业绩 (targets against actuals by owner and month, with a
//! chart). Customers
//! stream from the store in one pass (`for_each_report_customer`), visits in another
//! (`for_each_report_visit`), and the long list sheets are written in rust_xlsxwriter's
//! constant-memory mode, so a 100k-customer, 200k-visit database exports with flat memory;
//! only the overview's tallies are kept. Purchases and forecasts are summed in SQL.
//!
//! A [`TeamFilter`] narrows it to some owners (their customers with their contacts, signals
//! and visits; their deals with their 回款 and 交付) and a period (the visits and the lost deals
//! of those days, the installments due and payments received in them, the milestones planned
//! or done in them and those late today); the purchases stay the whole portfolio's. Every sheet prints A4 landscape as wide as the page,
//! list headers repeated, and the overview with its charts on one page.

use rust_xlsxwriter::{Workbook, Worksheet};

use super::cells::{self, Formats, Value, CONTACT_COLUMNS, CUSTOMER_COLUMNS};
use super::overview::{self, overview_name, SignalRow, Tally, SIGNAL_COLUMNS};
use super::{lost_deals, payments, pipeline, purchases, results, stages, trend_signals, visits};
use super::{ReportOptions, TeamFilter, Xlsx};
use crate::error::Result;
use crate::opportunities::OpportunityQuery;
use crate::payments::report::ReportFilter;
use crate::weekly::{Period, Scope};
use crate::Store;

/// The sheets of the report, in workbook order.
const OVERVIEW: usize = 0;
const CUSTOMERS: usize = 1;
const CONTACTS: usize = 2;
const SIGNALS: usize = 3;

/// The whole team's accounts as one workbook, all time.
pub fn team_report(store: &Store, opts: &ReportOptions) -> Result<Xlsx> {
    team_report_of(store, opts, &TeamFilter::default())
}

/// The team report of the owners and the period of `filter` (a custom period that is not one
/// is refused naming `from` or `to`, as 周会 refuses it).
pub fn team_report_of(store: &Store, opts: &ReportOptions, filter: &TeamFilter) -> Result<Xlsx> {
    let period = match &filter.period {
        Some(q) => Some(Period::resolve(q, store.clock().today())?),
        None => None,
    };
    let scope = Scope::new(period.as_ref(), &filter.owners, store.clock().today().format("%Y-%m-%d").to_string());
    let lang = opts.language;
    let f = Formats::new();
    let customer_cols = cells::visible(CUSTOMER_COLUMNS, true);
    let contact_cols = cells::visible(CONTACT_COLUMNS, opts.include_personal);
    let signal_cols = cells::visible(SIGNAL_COLUMNS, true);
    let customer_name_col = [(lang.pick("客户名称", "Customer"), 30.0)];

    let mut wb = Workbook::new();
    // Deflate at level 1 instead of 6: a third of the time went into compressing the sheets;
    // the file grows by about a quarter.
    wb.set_zip_compression_level(1);
    wb.add_worksheet().set_name(overview_name(lang))?;
    let list_sheet = |wb: &mut Workbook, zh, en, headers: Vec<(&str, f64)>| -> Result<()> {
        let ws = wb.add_worksheet_with_constant_memory()?;
        ws.set_name(lang.pick(zh, en))?;
        cells::header_row(ws, 0, 0, &headers, &f)
    };
    list_sheet(&mut wb, "客户", "Customers", cells::headers(&customer_cols, lang))?;
    list_sheet(&mut wb, "联系人", "Contacts", [&customer_name_col[..], &cells::headers(&contact_cols, lang)].concat())?;
    list_sheet(&mut wb, "财务信号", "Financial signals", cells::headers(&signal_cols, lang))?;

    let mut tally = Tally::default();
    let mut rows = [0u32; 4];
    let mut next = |i: usize| {
        rows[i] += 1;
        rows[i]
    };
    store.for_each_report_customer(&scope, &mut |p| {
        let name = &p.customer.fields.name;
        let r = next(CUSTOMERS);
        cells::record(sheet(&mut wb, CUSTOMERS)?, r, 0, &p.customer, &customer_cols, lang, &f)?;
        for c in &p.contacts {
            let r = next(CONTACTS);
            let ws = sheet(&mut wb, CONTACTS)?;
            cells::write(ws, r, 0, &Value::text(name), &f)?;
            cells::record(ws, r, 1, c, &contact_cols, lang, &f)?;
        }
        for s in &p.signals {
            let r = next(SIGNALS);
            let row = SignalRow { customer: name.clone(), signal: s.clone() };
            cells::record(sheet(&mut wb, SIGNALS)?, r, 0, &row, &signal_cols, lang, &f)?;
        }
        tally.add(&p);
        Ok(())
    })?;
    cells::finish_list(sheet(&mut wb, CUSTOMERS)?, 0, rows[CUSTOMERS], customer_cols.len() as u16)?;
    cells::finish_list(sheet(&mut wb, CONTACTS)?, 0, rows[CONTACTS], contact_cols.len() as u16 + 1)?;
    cells::finish_list(sheet(&mut wb, SIGNALS)?, 0, rows[SIGNALS], signal_cols.len() as u16)?;

    for i in [CUSTOMERS, CONTACTS, SIGNALS] {
        cells::print_list(sheet(&mut wb, i)?, 0)?;
    }

    let today = store.clock().today().format("%Y-%m-%d").to_string();
    let covers =
        overview::Covers { period: period.map(|p| (p.from_text(), p.to_text())), owners: scope.owners().to_vec() };
    overview::write(&mut wb, OVERVIEW, &tally, &today, &covers, lang, &f)?;
    purchases::write(&mut wb, &store.purchase_summary()?, lang, &f)?;
    trend_signals::write(&mut wb, store, &scope, lang, &f)?;
    visits::write(&mut wb, store, &scope, lang, &f)?;
    pipeline::write_pipeline(&mut wb, store, &scope, lang, &f)?;
    let analytics =
        store.pipeline_analytics(&OpportunityQuery { owners: scope.owners().to_vec(), ..Default::default() })?;
    pipeline::write_forecast(&mut wb, &analytics, lang, &f)?;
    lost_deals::write(&mut wb, store, &scope, lang, &f)?;
    stages::write_stages(&mut wb, store, period.as_ref(), scope.owners(), lang, &f)?;
    let after_sale = ReportFilter::new(scope.owners(), scope.period());
    payments::write_payments(&mut wb, store, &after_sale, &today, lang, &f)?;
    payments::write_delivery(&mut wb, store, &after_sale, lang, &f)?;
    results::write_results(&mut wb, store, period.as_ref(), scope.owners(), lang, &f)?;
    Ok(Xlsx(wb))
}

fn sheet(wb: &mut Workbook, index: usize) -> Result<&mut Worksheet> {
    Ok(wb.worksheet_from_index(index)?)
}
