//! The user-tunable settings (设置), stored in the database.

mod store;
