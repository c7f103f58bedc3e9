//! CPython's tuple forms of CAN addresses, accepted wherever an address is: `("vcan0",)`,
//! `("vcan0", rx_id, tx_id)` and `("vcan0", name, pgn, addr)`. As in CPython, the interface
//! name is looked up on the socket the address is used with (`SIOCGIFINDEX`).

use std::io;

use sock_core::{SockAddr, Socket, ToSockAddr};

use crate::addr::{CanAddr, IsoTpAddr, J1939Addr};

/// The marker type of this crate's [`ToSockAddr`] impls for tuples (see `sock_core::ToSockAddr`).
#[derive(Debug)]
pub enum CanForm {}

impl ToSockAddr<CanForm> for (&str,) {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        CanAddr::new(self.0)?.encode_on(socket)
    }
}

impl ToSockAddr<CanForm> for (&str, u32, u32) {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        IsoTpAddr::new(self.0, self.1, self.2)?.encode_on(socket)
    }
}

impl ToSockAddr<CanForm> for (&str, u64, u32, u8) {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        J1939Addr::new(self.0, self.1, self.2, self.3)?.encode_on(socket)
    }
}
