//! Excel/CSV import (issue "Excel in and out"). Built bottom-up: so far the reading of cell
//! values the way Chinese spreadsheets hold them ([`values`]); the readers, column mapping,
//! preview and commit come next and will use it.

pub mod values;
