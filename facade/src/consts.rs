//! Every constant of CPython's `socket` module, flat, under its Python name and with its Linux
//! value: the core groups always, each family's with its feature.

pub use sock_core::consts::*;
