//! The three shapes of `struct sockaddr_can`: [`CanAddr`] (`CAN_RAW`, `CAN_BCM`), [`IsoTpAddr`]
//! (`CAN_ISOTP`) and [`J1939Addr`] (`CAN_J1939`), their text forms, their conversions to and
//! from [`SockAddr`], and the tuple forms of CPython (`("vcan0",)`, `("vcan0", rx, tx)`,
//! `("vcan0", name, pgn, addr)`).
//!
//! Which shape a received address has depends on the socket's protocol, so [`decode`] takes it.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::{invalid_input, Protocol, SockAddr, Socket, ToSockAddr};

use sock_core::consts::AF_CAN;

use crate::consts::{CAN_BCM, CAN_ISOTP, CAN_J1939, CAN_RAW, J1939_NO_ADDR, J1939_NO_NAME, J1939_NO_PGN};
use crate::iface::{interface_from_index, Interface};

/// `sizeof(struct sockaddr_can)` after `can_family`: 2 padding bytes, `can_ifindex`, the
/// 16-byte union (`tp` or `j1939`).
const DATA_LEN: usize = 22;
const IFINDEX: usize = 2;
const UNION: usize = 6;

/// The marker type of this crate's [`ToSockAddr`] impls for tuples (see `sock_core::ToSockAddr`).
#[derive(Debug)]
pub enum CanForm {}

/// The raw fields of a `sockaddr_can` (missing bytes of a short address read as zero).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct RawCan {
    ifindex: u32,
    union: [u8; 16],
}

impl RawCan {
    fn encode(&self) -> SockAddr {
        let mut data = [0u8; DATA_LEN];
        data[IFINDEX..IFINDEX + 4].copy_from_slice(&self.ifindex.to_ne_bytes());
        data[UNION..].copy_from_slice(&self.union);
        SockAddr::new(AF_CAN as u16, &data).expect("sockaddr_can fits in sockaddr_storage")
    }

    fn decode(addr: &SockAddr) -> io::Result<RawCan> {
        if i32::from(addr.family()) != AF_CAN {
            return Err(invalid_input("address", "not an AF_CAN address"));
        }
        let mut data = [0u8; DATA_LEN];
        let src = addr.data();
        let n = src.len().min(DATA_LEN);
        data[..n].copy_from_slice(&src[..n]);
        let mut union = [0u8; 16];
        union.copy_from_slice(&data[UNION..]);
        let ifindex = u32::from_ne_bytes(data[IFINDEX..IFINDEX + 4].try_into().expect("4 bytes"));
        Ok(RawCan { ifindex, union })
    }

    fn u32_at(&self, at: usize) -> u32 {
        u32::from_ne_bytes(self.union[at..at + 4].try_into().expect("4 bytes"))
    }
}

/// Splits `text` at `:` into exactly `N` fields.
fn fields<'a, const N: usize>(text: &'a str, what: &str) -> io::Result<[&'a str; N]> {
    let parts: Vec<&str> = text.split(':').collect();
    parts.try_into().map_err(|_| invalid_input("address", what))
}

/// Parses `0x`-prefixed hex or decimal.
fn number<T: TryFrom<u64>>(text: &str, arg: &str) -> io::Result<T> {
    let v = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse::<u64>(),
    };
    v.ok().and_then(|v| T::try_from(v).ok()).ok_or_else(|| invalid_input(arg, "not a number in range"))
}

/// A `CAN_RAW` or `CAN_BCM` address: an interface, or every interface.
///
/// Text form: the interface name (`vcan0`), `""` for every interface, `#N` for an index
/// without a name. CPython's form is `("vcan0",)`, accepted wherever an address is.
///
/// ```
/// use sock_can::CanAddr;
/// let a: CanAddr = "vcan0".parse()?;
/// assert_eq!(a.to_string(), "vcan0");
/// assert_eq!(CanAddr::new(&"x".repeat(16)).unwrap_err().kind(), std::io::ErrorKind::InvalidInput); // "interface name too long"
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct CanAddr {
    /// The interface.
    pub interface: Interface,
}

impl CanAddr {
    /// Every CAN interface (CPython's `("",)`).
    pub const ANY: CanAddr = CanAddr { interface: Interface::Any };

    /// The address of interface `name` (`""`: every interface).
    pub fn new(name: &str) -> io::Result<CanAddr> {
        Ok(CanAddr { interface: Interface::name(name)? })
    }

    /// The raw address with the interface given as an index (no lookup).
    pub fn to_sock_addr_with_index(&self, ifindex: u32) -> SockAddr {
        RawCan { ifindex, union: [0; 16] }.encode()
    }

    /// Decodes an `AF_CAN` address as `CAN_RAW`/`CAN_BCM` do (the index is turned back into a
    /// name). A foreign family is `InvalidInput`.
    pub fn from_sock_addr(addr: &SockAddr) -> io::Result<CanAddr> {
        let raw = RawCan::decode(addr)?;
        Ok(CanAddr { interface: interface_from_index(raw.ifindex) })
    }
}

impl fmt::Display for CanAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.interface.fmt(f)
    }
}

impl FromStr for CanAddr {
    type Err = io::Error;
    fn from_str(s: &str) -> io::Result<CanAddr> {
        Ok(CanAddr { interface: s.parse()? })
    }
}

impl ToSockAddr for CanAddr {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        Ok(self.to_sock_addr_with_index(self.interface.resolve(socket)?))
    }
}

impl ToSockAddr<CanForm> for (&str,) {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        CanAddr::new(self.0)?.to_sock_addr(socket)
    }
}

/// A `CAN_ISOTP` address: interface, receive identifier and transmit identifier.
///
/// The identifiers are raw `canid_t` values: set [`CAN_EFF_FLAG`](crate::consts::CAN_EFF_FLAG)
/// for 29-bit ones. Text form: `vcan0:0x123:0x456` (numbers in hex with `0x`, or decimal).
/// CPython's form is `("vcan0", rx_id, tx_id)`.
///
/// ```
/// use sock_can::IsoTpAddr;
/// let a: IsoTpAddr = "vcan0:0x123:0x456".parse()?;
/// assert_eq!((a.rx_id, a.tx_id), (0x123, 0x456));
/// assert_eq!(a.to_string(), "vcan0:0x123:0x456");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct IsoTpAddr {
    /// The interface.
    pub interface: Interface,
    /// The identifier this socket receives on.
    pub rx_id: u32,
    /// The identifier this socket sends with.
    pub tx_id: u32,
}

impl IsoTpAddr {
    /// An ISO-TP address on interface `name`.
    pub fn new(name: &str, rx_id: u32, tx_id: u32) -> io::Result<IsoTpAddr> {
        Ok(IsoTpAddr { interface: Interface::name(name)?, rx_id, tx_id })
    }

    /// The raw address with the interface given as an index (no lookup).
    pub fn to_sock_addr_with_index(&self, ifindex: u32) -> SockAddr {
        let mut union = [0u8; 16];
        union[..4].copy_from_slice(&self.rx_id.to_ne_bytes());
        union[4..8].copy_from_slice(&self.tx_id.to_ne_bytes());
        RawCan { ifindex, union }.encode()
    }

    /// Decodes an `AF_CAN` address in the `CAN_ISOTP` shape.
    pub fn from_sock_addr(addr: &SockAddr) -> io::Result<IsoTpAddr> {
        let raw = RawCan::decode(addr)?;
        Ok(IsoTpAddr { interface: interface_from_index(raw.ifindex), rx_id: raw.u32_at(0), tx_id: raw.u32_at(4) })
    }
}

impl fmt::Display for IsoTpAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:#x}:{:#x}", self.interface, self.rx_id, self.tx_id)
    }
}

impl FromStr for IsoTpAddr {
    type Err = io::Error;
    fn from_str(s: &str) -> io::Result<IsoTpAddr> {
        let [iface, rx, tx] = fields::<3>(s, "expected interface:rx_id:tx_id")?;
        Ok(IsoTpAddr { interface: iface.parse()?, rx_id: number(rx, "rx_id")?, tx_id: number(tx, "tx_id")? })
    }
}

impl ToSockAddr for IsoTpAddr {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        Ok(self.to_sock_addr_with_index(self.interface.resolve(socket)?))
    }
}

impl ToSockAddr<CanForm> for (&str, u32, u32) {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        IsoTpAddr::new(self.0, self.1, self.2)?.to_sock_addr(socket)
    }
}

/// A `CAN_J1939` address: interface, 64-bit ECU name, parameter group number and 8-bit
/// address. `J1939_NO_NAME`, `J1939_NO_PGN` and `J1939_NO_ADDR` mean "none".
///
/// Text form: `vcan0:0x0:0x40000:0xff` (interface:name:pgn:addr, numbers in hex with `0x` or
/// decimal). CPython's form is `("vcan0", name, pgn, addr)`.
///
/// ```
/// use sock_can::J1939Addr;
/// let a = J1939Addr::new("vcan0", 0, 0x12300, 0x80)?;
/// assert_eq!(a.to_string(), "vcan0:0x0:0x12300:0x80");
/// assert_eq!(a.to_string().parse::<J1939Addr>()?, a);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct J1939Addr {
    /// The interface.
    pub interface: Interface,
    /// The 64-bit ECU name (`J1939_NO_NAME` for static addressing).
    pub name: u64,
    /// The parameter group number (`J1939_NO_PGN` for none).
    pub pgn: u32,
    /// The 8-bit address (`J1939_NO_ADDR` for none or broadcast).
    pub addr: u8,
}

impl Default for J1939Addr {
    fn default() -> Self {
        J1939Addr { interface: Interface::Any, name: J1939_NO_NAME, pgn: J1939_NO_PGN, addr: J1939_NO_ADDR }
    }
}

impl J1939Addr {
    /// A J1939 address on interface `name`.
    pub fn new(interface: &str, name: u64, pgn: u32, addr: u8) -> io::Result<J1939Addr> {
        Ok(J1939Addr { interface: Interface::name(interface)?, name, pgn, addr })
    }

    /// A destination for `send_to` on a bound socket: every field "none" except `pgn` and
    /// `addr` (the interface is the bound one).
    pub fn to(pgn: u32, addr: u8) -> J1939Addr {
        J1939Addr { pgn, addr, ..J1939Addr::default() }
    }

    /// The raw address with the interface given as an index (no lookup).
    pub fn to_sock_addr_with_index(&self, ifindex: u32) -> SockAddr {
        let mut union = [0u8; 16];
        union[..8].copy_from_slice(&self.name.to_ne_bytes());
        union[8..12].copy_from_slice(&self.pgn.to_ne_bytes());
        union[12] = self.addr;
        RawCan { ifindex, union }.encode()
    }

    /// Decodes an `AF_CAN` address in the `CAN_J1939` shape.
    pub fn from_sock_addr(addr: &SockAddr) -> io::Result<J1939Addr> {
        let mut a = J1939Addr::from_sock_addr_indexed(addr)?;
        if let Interface::Index(i) = a.interface {
            a.interface = interface_from_index(i);
        }
        Ok(a)
    }

    /// Like [`J1939Addr::from_sock_addr`] but leaves the interface as an index (no
    /// `SIOCGIFNAME`), for receive paths.
    pub fn from_sock_addr_indexed(addr: &SockAddr) -> io::Result<J1939Addr> {
        let raw = RawCan::decode(addr)?;
        Ok(J1939Addr {
            interface: if raw.ifindex == 0 { Interface::Any } else { Interface::Index(raw.ifindex) },
            name: u64::from_ne_bytes(raw.union[..8].try_into().expect("8 bytes")),
            pgn: raw.u32_at(8),
            addr: raw.union[12],
        })
    }
}

impl fmt::Display for J1939Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:#x}:{:#x}:{:#x}", self.interface, self.name, self.pgn, self.addr)
    }
}

impl FromStr for J1939Addr {
    type Err = io::Error;
    fn from_str(s: &str) -> io::Result<J1939Addr> {
        let [iface, name, pgn, addr] = fields::<4>(s, "expected interface:name:pgn:addr")?;
        Ok(J1939Addr {
            interface: iface.parse()?,
            name: number(name, "name")?,
            pgn: number(pgn, "pgn")?,
            addr: number(addr, "addr")?,
        })
    }
}

impl ToSockAddr for J1939Addr {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        Ok(self.to_sock_addr_with_index(self.interface.resolve(socket)?))
    }
}

impl ToSockAddr<CanForm> for (&str, u64, u32, u8) {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        J1939Addr::new(self.0, self.1, self.2, self.3)?.to_sock_addr(socket)
    }
}

/// A decoded `AF_CAN` address, in the shape of the socket's protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnyCanAddr {
    /// `CAN_RAW` / `CAN_BCM`.
    Can(CanAddr),
    /// `CAN_ISOTP`.
    IsoTp(IsoTpAddr),
    /// `CAN_J1939`.
    J1939(J1939Addr),
}

impl fmt::Display for AnyCanAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyCanAddr::Can(a) => a.fmt(f),
            AnyCanAddr::IsoTp(a) => a.fmt(f),
            AnyCanAddr::J1939(a) => a.fmt(f),
        }
    }
}

impl ToSockAddr for AnyCanAddr {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        match self {
            AnyCanAddr::Can(a) => a.to_sock_addr(socket),
            AnyCanAddr::IsoTp(a) => a.to_sock_addr(socket),
            AnyCanAddr::J1939(a) => a.to_sock_addr(socket),
        }
    }
}

/// Decodes an `AF_CAN` address for a socket of `protocol`, as CPython's `makesockaddr`:
/// `CAN_RAW`/`CAN_BCM` give [`CanAddr`], `CAN_ISOTP` [`IsoTpAddr`], `CAN_J1939` [`J1939Addr`].
/// Another family, or another protocol ("unsupported CAN protocol"), is `InvalidInput`.
///
/// ```
/// use sock_can::{decode, AnyCanAddr, IsoTpAddr};
/// use sock_core::Protocol;
/// let raw = IsoTpAddr::new("", 1, 2)?.to_sock_addr_with_index(0);
/// let AnyCanAddr::IsoTp(a) = decode(&raw, Protocol(sock_can::consts::CAN_ISOTP))? else { panic!() };
/// assert_eq!((a.rx_id, a.tx_id), (1, 2));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn decode(addr: &SockAddr, protocol: Protocol) -> io::Result<AnyCanAddr> {
    match protocol.raw() {
        CAN_RAW | CAN_BCM => CanAddr::from_sock_addr(addr).map(AnyCanAddr::Can),
        CAN_ISOTP => IsoTpAddr::from_sock_addr(addr).map(AnyCanAddr::IsoTp),
        CAN_J1939 => J1939Addr::from_sock_addr(addr).map(AnyCanAddr::J1939),
        _ => Err(invalid_input("protocol", "unsupported CAN protocol")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn iface() -> impl Strategy<Value = Interface> {
        prop_oneof![
            Just(Interface::Any),
            (1u32..u32::MAX).prop_map(Interface::Index),
            "[a-z][a-z0-9]{0,14}".prop_map(|s| Interface::name(&s).unwrap()),
        ]
    }

    /// The index an interface encodes to without a socket (names: a fixed stand-in).
    fn index(i: &Interface) -> u32 {
        match i {
            Interface::Any => 0,
            Interface::Index(n) => *n,
            Interface::Name(_) => 77,
        }
    }

    #[test]
    fn layout_matches_libc() {
        assert_eq!(2 + DATA_LEN, std::mem::size_of::<libc::sockaddr_can>());
        assert_eq!(2 + IFINDEX, std::mem::offset_of!(libc::sockaddr_can, can_ifindex));
        assert_eq!(2 + UNION, std::mem::offset_of!(libc::sockaddr_can, can_addr));
    }

    #[test]
    fn cpython_shapes() {
        let e = CanAddr::new(&"x".repeat(1024)).unwrap_err();
        assert!(e.to_string().contains("interface name too long"));
        assert_eq!(IsoTpAddr::new(&"x".repeat(1024), 1, 2).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let raw = CanAddr::ANY.to_sock_addr_with_index(0);
        assert_eq!(decode(&raw, Protocol(CAN_RAW)).unwrap(), AnyCanAddr::Can(CanAddr::ANY));
        assert!(decode(&raw, Protocol(3)).unwrap_err().to_string().contains("unsupported CAN protocol"));
        let inet = SockAddr::from("1.2.3.4:5".parse::<std::net::SocketAddr>().unwrap());
        assert_eq!(decode(&inet, Protocol(CAN_RAW)).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        // A short address (getsockname of CAN_RAW gives 8 bytes on newer kernels) decodes.
        let short = SockAddr::new(AF_CAN as u16, &[0; 6]).unwrap();
        assert_eq!(CanAddr::from_sock_addr(&short).unwrap(), CanAddr::ANY);
        assert_eq!("".parse::<CanAddr>().unwrap().to_string(), "");
        assert_eq!("vcan0:1".parse::<IsoTpAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!("vcan0:1:2:0x100".parse::<J1939Addr>().unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    proptest! {
        #[test]
        fn any_bytes_decode(bytes in proptest::collection::vec(any::<u8>(), 0..40), proto in 0i32..10) {
            let mut b = bytes.clone();
            if b.len() >= 2 && proto % 2 == 0 {
                b[..2].copy_from_slice(&(AF_CAN as u16).to_ne_bytes());
            }
            if let Ok(addr) = SockAddr::from_bytes(&b) {
                let _ = decode(&addr, Protocol(proto));
            }
        }

        #[test]
        fn raw_round_trip(ifindex in any::<u32>(), union in any::<[u8; 16]>()) {
            let raw = RawCan { ifindex, union };
            prop_assert_eq!(RawCan::decode(&raw.encode()).unwrap(), raw);
        }

        #[test]
        fn isotp_round_trip(i in iface(), rx in any::<u32>(), tx in any::<u32>()) {
            let a = IsoTpAddr { interface: i, rx_id: rx, tx_id: tx };
            prop_assert_eq!(a.to_string().parse::<IsoTpAddr>().unwrap(), a);
            let raw = RawCan::decode(&a.to_sock_addr_with_index(index(&i))).unwrap();
            prop_assert_eq!((raw.ifindex, raw.u32_at(0), raw.u32_at(4)), (index(&i), rx, tx));
        }

        #[test]
        fn j1939_round_trip(i in iface(), name in any::<u64>(), pgn in any::<u32>(), addr in any::<u8>()) {
            let a = J1939Addr { interface: i, name, pgn, addr };
            prop_assert_eq!(a.to_string().parse::<J1939Addr>().unwrap(), a);
            let d = J1939Addr::from_sock_addr(&a.to_sock_addr_with_index(0)).unwrap();
            prop_assert_eq!((d.interface, d.name, d.pgn, d.addr), (Interface::Any, name, pgn, addr));
        }

        #[test]
        fn can_round_trip(i in iface()) {
            let a = CanAddr { interface: i };
            prop_assert_eq!(a.to_string().parse::<CanAddr>().unwrap(), a);
            let raw = RawCan::decode(&a.to_sock_addr_with_index(index(&i))).unwrap();
            prop_assert_eq!(raw.ifindex, index(&i));
        }
    }
}
