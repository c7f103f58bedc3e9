//! Every constant of CPython's `socket` module, flat, under its Python name and with its Linux
//! value: the core groups always, each family's with its feature. Names that several crates
//! export (`AF_UNIX` in core and in `sock-unix` ...) are the same item, re-exported.

pub use sock_core::consts::*;

#[cfg(feature = "alg")]
pub use sock_alg::consts::*;
#[cfg(feature = "bt")]
pub use sock_bt::consts::*;
#[cfg(feature = "can")]
pub use sock_can::consts::*;
#[cfg(feature = "inet")]
pub use sock_inet::consts::*;
#[cfg(feature = "netlink")]
pub use sock_netlink::consts::*;
#[cfg(feature = "packet")]
pub use sock_packet::consts::*;
#[cfg(feature = "qipcrtr")]
pub use sock_qipcrtr::consts::*;
#[cfg(feature = "resolve")]
pub use sock_resolve::consts::*;
#[cfg(feature = "tipc")]
pub use sock_tipc::consts::*;
#[cfg(feature = "unix")]
pub use sock_unix::consts::*;
#[cfg(feature = "vsock")]
pub use sock_vsock::consts::*;
