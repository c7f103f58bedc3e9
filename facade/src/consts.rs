//! Every constant of CPython's `socket` module, flat, under its Python name and with its Linux
//! value: the core groups always, each family's with its feature. Names that several crates
//! export (`AF_UNIX` in core and in `sock-unix` ...) are the same item, re-exported.
//!
//! Every call that takes a typed value ([`Family`](crate::Family), [`Type`](crate::Type),
//! [`MsgFlags`](crate::MsgFlags) ...) takes these integers too:
//!
//! ```
//! use sock::consts::{AF_UNIX, MSG_PEEK, SOCK_DGRAM};
//! let (a, b) = sock::Socket::pair(AF_UNIX, SOCK_DGRAM, 0)?;
//! a.send(b"hi")?;
//! assert_eq!(b.recv_vec_with_flags(8, MSG_PEEK)?, b"hi"); // still queued
//! assert_eq!(b.recv_vec(8)?, b"hi");
//! assert_eq!(sock::Family::from(AF_UNIX), sock::Family::UNIX);
//! # Ok::<(), std::io::Error>(())
//! ```

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
