//! Enumerations that travel as stable snake_case codes: stored in the database, sent to the UI
//! (which words them in the user's language) and written in exports, so none of them depends
//! on the display language. [`code_enum!`] declares one with its codes.

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $(#[serde(rename = $code)] $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and sent to the UI.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses a stored code; an unknown code (from a newer version) reads as `None`.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}
/// For every module's enumerations.
pub(crate) use code_enum;
