//! Excel/CSV import (issue "Excel in and out"). Built bottom-up: so far the reading of cell
//! values the way Chinese spreadsheets hold them ([`values`]) and the column mapping
//! ([`mapping`]); the readers, preview and commit come next and will use them.

pub mod labels;
pub mod mapping;
pub mod plan;
pub mod read;
pub mod values;
