//! `sock`: facade (work in progress).
pub use sock_core::*;
