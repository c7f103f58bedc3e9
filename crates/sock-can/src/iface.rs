//! The interface part of every CAN address. Names and indexes are sock-core's
//! [`Interface`] and [`IfName`] (shared with AF_PACKET); names are resolved with
//! `SIOCGIFINDEX` on the socket itself, as CPython does. This module adds the reverse lookup
//! CAN address decoding needs when no socket is at hand.

use std::io;

use sock_core::{Family, Socket, Type};
pub use sock_core::{IfName, Interface, IFNAMSIZ};

/// The interface with `index`, named when this thread's network namespace has an interface
/// with that index (`SIOCGIFNAME`, as CPython's `makesockaddr` does), else the bare index;
/// 0 is [`Interface::Any`].
///
/// ```
/// use sock::can::{interface_from_index, Interface};
/// assert_eq!(interface_from_index(0), Interface::Any);
/// assert_eq!(interface_from_index(1).to_string(), "lo");
/// ```
pub fn interface_from_index(index: u32) -> Interface {
    match scratch_socket() {
        Ok(sock) => Interface::index(index).named(&sock),
        Err(_) => Interface::index(index),
    }
}

/// Any socket can run the interface ioctls; an AF_UNIX one needs no privileges or modules.
fn scratch_socket() -> io::Result<Socket> {
    Socket::new(Family::UNIX, Type::DGRAM, None)
}
