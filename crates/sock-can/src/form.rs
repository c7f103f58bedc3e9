//! CPython's tuple forms of CAN addresses, accepted wherever an address is: `("vcan0",)`,
//! `("vcan0", rx_id, tx_id)` and `("vcan0", name, pgn, addr)`. As in CPython, the interface
//! name is looked up on the socket the address is used with (`SIOCGIFINDEX`).

use std::io;

use sock_core::{SockAddr, Socket, ToSockAddr};

use crate::addr::{CanAddr, IsoTpAddr, J1939Addr};

/// The marker type of this crate's [`ToSockAddr`] impls for tuples (see `sock_core::ToSockAddr`).
///
/// ```no_run
/// use sock::can::{IsoTpAddr, CAN_ISOTP};
/// use sock::{Family, FamilyAddr, Protocol, Socket, Type};
/// let s = Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_ISOTP)))?; // as in Python
/// s.bind(("vcan0", 0x7e8_u32, 0x7e0_u32))?; // ("vcan0", rx_id, tx_id), resolved on `s`
/// assert_eq!(IsoTpAddr::decode(&s.local_addr()?)?.rx_id, 0x7e8);
/// # Ok::<(), std::io::Error>(())
/// ```
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
