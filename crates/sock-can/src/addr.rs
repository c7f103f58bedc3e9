//! The three shapes of `struct sockaddr_can`: [`CanAddr`] (`CAN_RAW`, `CAN_BCM`), [`IsoTpAddr`]
//! (`CAN_ISOTP`) and [`J1939Addr`] (`CAN_J1939`), each a [`FamilyAddr`], and [`AnyCanAddr`]
//! for an address whose shape the socket's protocol decides
//! ([`AnyCanAddr::decode_with`]). Text forms are in `text.rs`, CPython's tuple forms in
//! `form.rs`.
//!
//! Encoding resolves an interface name in the calling thread's network namespace
//! (`if_nametoindex` semantics, [`FamilyAddr::encode`]); `encode_on(socket)` resolves it on a
//! given socket instead, as CPython does — the one extra method, needed because a socket
//! created in (or received from) another network namespace sees other interfaces than the
//! thread. CPython's tuple forms (`("vcan0",)` ...) resolve on the socket they are used with.

use std::io;

use sock_core::consts::AF_CAN;
use sock_core::{invalid_input, Family, FamilyAddr, Protocol, SockAddr, Socket, ToSockAddr, Type};

use crate::consts::{CAN_BCM, CAN_ISOTP, CAN_J1939, CAN_RAW, J1939_NO_ADDR, J1939_NO_NAME, J1939_NO_PGN};
use crate::iface::{interface_from_index, Interface};

/// `sizeof(struct sockaddr_can)` after `can_family`: 2 padding bytes, `can_ifindex`, the
/// 16-byte union (`tp` or `j1939`).
const DATA_LEN: usize = 22;
const IFINDEX: usize = 2;
const UNION: usize = 6;
/// The shortest address of each shape the kernel reports, after `can_family` (its
/// `RAW_MIN_NAMELEN`/`BCM_MIN_NAMELEN`, `ISOTP_MIN_NAMELEN`, `J1939_MIN_NAMELEN`, minus 2).
const MIN_CAN: usize = IFINDEX + 4;
const MIN_ISOTP: usize = UNION + 8;
const MIN_J1939: usize = DATA_LEN;

/// The raw fields of a `sockaddr_can` (bytes past a short address read as zero).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RawCan {
    ifindex: u32,
    union: [u8; 16],
}

impl RawCan {
    fn encode(&self) -> io::Result<SockAddr> {
        let mut data = [0u8; DATA_LEN];
        data[IFINDEX..IFINDEX + 4].copy_from_slice(&self.ifindex.to_ne_bytes());
        data[UNION..].copy_from_slice(&self.union);
        SockAddr::new(AF_CAN as u16, &data)
    }

    /// The fields of `addr`, which must be `AF_CAN` and hold at least `min` bytes after the
    /// family (else `InvalidInput` naming the `shape`).
    fn decode<A: FamilyAddr>(addr: &SockAddr, min: usize, shape: &str) -> io::Result<RawCan> {
        let src = A::expect_family(addr)?;
        if src.len() < min {
            return Err(invalid_input(
                "address",
                &format!("{} bytes is too short for a {shape} sockaddr_can (at least {})", src.len() + 2, min + 2),
            ));
        }
        let mut data = [0u8; DATA_LEN];
        let n = src.len().min(DATA_LEN);
        data[..n].copy_from_slice(&src[..n]);
        let mut union = [0u8; 16];
        union.copy_from_slice(&data[UNION..]);
        Ok(RawCan { ifindex: u32_at(&data, IFINDEX), union })
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    u32::from_ne_bytes(b)
}

/// The index of `interface`: a name is looked up on `socket`, or — without one — on a
/// scratch socket of this thread's network namespace (`if_nametoindex` semantics).
fn index_of(interface: &Interface, socket: Option<&Socket>) -> io::Result<u32> {
    match (interface, socket) {
        (Interface::Any, _) => Ok(0),
        (Interface::Index(index), _) => Ok(*index),
        (Interface::Name(_), Some(s)) => interface.resolve(s),
        (Interface::Name(_), None) => interface.resolve(Socket::new(Family::UNIX, Type::DGRAM, None)?),
    }
}

/// A `CAN_RAW` or `CAN_BCM` address: an interface, or every interface.
///
/// Text form: the interface name (`vcan0`), `""` for every interface, `#N` for an index
/// without a name. CPython's form is `("vcan0",)`, accepted wherever an address is.
///
/// ```
/// use sock::can::{CanAddr, Interface};
/// use sock::FamilyAddr;
/// let a: CanAddr = "vcan0".parse()?;
/// assert_eq!(a.to_string(), "vcan0");
/// // An index needs no interface to encode; one that names no interface decodes as itself.
/// let b = CanAddr::from(Interface::Index(4_000_000));
/// assert_eq!(b.to_string(), "#4000000");
/// assert_eq!(CanAddr::decode(&b.encode()?)?, b);
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

    /// The address of interface `name` (`""`: every interface); 16 bytes or more is
    /// `InvalidInput` ("interface name too long").
    ///
    /// ```
    /// use sock::can::{CanAddr, Interface};
    /// assert_eq!(CanAddr::new("vcan0")?.interface, Interface::name("vcan0")?); // no lookup yet
    /// assert_eq!(CanAddr::new("")?, CanAddr::ANY);
    /// assert_eq!(CanAddr::new("a_name_of_16_byt").unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(name: &str) -> io::Result<CanAddr> {
        Ok(CanAddr { interface: Interface::name(name)? })
    }

    /// Encodes with an interface name looked up on `socket` (`SIOCGIFINDEX`, as CPython), for
    /// a socket of another network namespace than this thread's; otherwise as
    /// [`encode`](FamilyAddr::encode). An unknown name is `vcan9: no such interface (ENODEV)`.
    ///
    /// ```
    /// use sock::can::CanAddr;
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::UNIX, Type::DGRAM, None)?; // any socket of the namespace
    /// let raw = CanAddr::new("lo")?.encode_on(&s)?;
    /// assert_eq!(raw.family(), sock::consts::AF_CAN as u16);
    /// let e = CanAddr::new("vcan9")?.encode_on(&s).unwrap_err();
    /// assert_eq!(e.to_string(), "vcan9: no such interface (ENODEV)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encode_on(&self, socket: &Socket) -> io::Result<SockAddr> {
        self.encode_with(Some(socket))
    }

    fn encode_with(&self, socket: Option<&Socket>) -> io::Result<SockAddr> {
        RawCan { ifindex: index_of(&self.interface, socket)?, union: [0; 16] }.encode()
    }
}

impl From<Interface> for CanAddr {
    fn from(interface: Interface) -> CanAddr {
        CanAddr { interface }
    }
}

impl FamilyAddr for CanAddr {
    const FAMILY: Family = Family::CAN;
    const TEXT_FORM: &'static str = "interface (`vcan0`; `#3` for an index; empty for every interface)";

    /// Decodes the `CAN_RAW`/`CAN_BCM` shape (at least `can_family` + padding +
    /// `can_ifindex`); the index is turned back into a name where this thread's network
    /// namespace has one (`SIOCGIFNAME`, as CPython's `makesockaddr`).
    fn decode(addr: &SockAddr) -> io::Result<CanAddr> {
        let raw = RawCan::decode::<CanAddr>(addr, MIN_CAN, "CAN_RAW")?;
        Ok(CanAddr { interface: interface_from_index(raw.ifindex) })
    }

    fn encode(&self) -> io::Result<SockAddr> {
        self.encode_with(None)
    }
}

sock_core::family_addr!(CanAddr);

/// A `CAN_ISOTP` address: interface, receive identifier and transmit identifier.
///
/// The identifiers are raw `canid_t` values: set [`CAN_EFF_FLAG`](crate::consts::CAN_EFF_FLAG)
/// for 29-bit ones. Text form: `vcan0:0x123:0x456` (`interface:rx_id:tx_id`, numbers decimal
/// or `0x` hex, shown in hex). CPython's form is `("vcan0", rx_id, tx_id)`.
///
/// ```
/// use sock::can::{IsoTpAddr, Interface};
/// use sock::FamilyAddr;
/// let a: IsoTpAddr = "vcan0:0x123:0x456".parse()?;
/// assert_eq!((a.rx_id, a.tx_id), (0x123, 0x456));
/// assert_eq!(a.to_string(), "vcan0:0x123:0x456");
/// let b = IsoTpAddr { interface: Interface::Index(4_000_000), rx_id: 0x7e8, tx_id: 0x7e0 };
/// assert_eq!(b.to_string().parse::<IsoTpAddr>()?, b);
/// assert_eq!(IsoTpAddr::decode(&b.encode()?)?, b);
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
    /// An ISO-TP address on interface `name` with raw identifiers `rx_id` and `tx_id`
    /// (`CAN_EFF_FLAG` for 29-bit ones).
    ///
    /// ```
    /// use sock::can::{consts::CAN_EFF_FLAG, IsoTpAddr};
    /// let a = IsoTpAddr::new("vcan0", 0x18da_f110 | CAN_EFF_FLAG, 0x18da_10f1 | CAN_EFF_FLAG)?;
    /// assert_eq!(a.to_string(), "vcan0:0x98daf110:0x98da10f1");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(name: &str, rx_id: u32, tx_id: u32) -> io::Result<IsoTpAddr> {
        Ok(IsoTpAddr { interface: Interface::name(name)?, rx_id, tx_id })
    }

    /// Encodes with an interface name looked up on `socket` (see [`CanAddr::encode_on`]).
    ///
    /// ```
    /// use sock::can::{IsoTpAddr, Interface};
    /// use sock::{Family, FamilyAddr, Socket, Type};
    /// let s = Socket::new(Family::UNIX, Type::DGRAM, None)?; // any socket of the namespace
    /// let raw = IsoTpAddr::new("lo", 0x7e8, 0x7e0)?.encode_on(&s)?;
    /// assert_eq!(IsoTpAddr::decode(&raw)?.interface, Interface::name("lo")?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encode_on(&self, socket: &Socket) -> io::Result<SockAddr> {
        self.encode_with(Some(socket))
    }

    fn encode_with(&self, socket: Option<&Socket>) -> io::Result<SockAddr> {
        let mut union = [0u8; 16];
        union[..4].copy_from_slice(&self.rx_id.to_ne_bytes());
        union[4..8].copy_from_slice(&self.tx_id.to_ne_bytes());
        RawCan { ifindex: index_of(&self.interface, socket)?, union }.encode()
    }
}

impl FamilyAddr for IsoTpAddr {
    const FAMILY: Family = Family::CAN;
    const TEXT_FORM: &'static str = "interface:rx_id:tx_id (`vcan0:0x7e8:0x7e0`)";

    /// Decodes the `CAN_ISOTP` shape (at least up to `tx_id`); the index is turned back into
    /// a name as for [`CanAddr`].
    fn decode(addr: &SockAddr) -> io::Result<IsoTpAddr> {
        let raw = RawCan::decode::<IsoTpAddr>(addr, MIN_ISOTP, "CAN_ISOTP")?;
        Ok(IsoTpAddr {
            interface: interface_from_index(raw.ifindex),
            rx_id: u32_at(&raw.union, 0),
            tx_id: u32_at(&raw.union, 4),
        })
    }

    fn encode(&self) -> io::Result<SockAddr> {
        self.encode_with(None)
    }
}

sock_core::family_addr!(IsoTpAddr);

/// A `CAN_J1939` address: interface, 64-bit ECU name, parameter group number and 8-bit
/// address. `J1939_NO_NAME`, `J1939_NO_PGN` and `J1939_NO_ADDR` mean "none".
///
/// Text form: `vcan0:0x0:0x40000:0xff` (`interface:name:pgn:addr`, numbers decimal or `0x`
/// hex, shown in hex). CPython's form is `("vcan0", name, pgn, addr)`.
///
/// ```
/// use sock::can::{J1939Addr, Interface};
/// use sock::FamilyAddr;
/// let a = J1939Addr::new("vcan0", 0, 0x12300, 0x80)?;
/// assert_eq!(a.to_string(), "vcan0:0x0:0x12300:0x80");
/// assert_eq!(a.to_string().parse::<J1939Addr>()?, a);
/// let b = J1939Addr { interface: Interface::Index(4_000_000), name: 0, pgn: 0x12300, addr: 0x80 };
/// assert_eq!(b.to_string(), "#4000000:0x0:0x12300:0x80");
/// assert_eq!(J1939Addr::decode(&b.encode()?)?, b);
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
    /// A J1939 address on `interface` (a name, `""` for every interface) with ECU `name`,
    /// `pgn` and `addr`.
    ///
    /// ```
    /// use sock::can::{consts::J1939_NO_NAME, J1939Addr};
    /// let a = J1939Addr::new("vcan0", J1939_NO_NAME, 0x0fecc, 0x20)?; // static address 0x20
    /// assert_eq!((a.pgn, a.addr), (0x0fecc, 0x20));
    /// assert_eq!(a.to_string(), "vcan0:0x0:0xfecc:0x20");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(interface: &str, name: u64, pgn: u32, addr: u8) -> io::Result<J1939Addr> {
        Ok(J1939Addr { interface: Interface::name(interface)?, name, pgn, addr })
    }

    /// A destination for `send_to` on a bound socket: every field "none" except `pgn` and
    /// `addr` (the interface is the bound one).
    ///
    /// ```
    /// let to = sock::can::J1939Addr::to(0x12300, 0x90);
    /// assert_eq!((to.pgn, to.addr, to.to_string().as_str()), (0x12300, 0x90, ":0x0:0x12300:0x90"));
    /// ```
    pub fn to(pgn: u32, addr: u8) -> J1939Addr {
        J1939Addr { pgn, addr, ..J1939Addr::default() }
    }

    /// Encodes with an interface name looked up on `socket` (see [`CanAddr::encode_on`]).
    ///
    /// ```
    /// use sock::can::{J1939Addr, Interface};
    /// use sock::{Family, FamilyAddr, Socket, Type};
    /// let s = Socket::new(Family::UNIX, Type::DGRAM, None)?; // any socket of the namespace
    /// let raw = J1939Addr::new("lo", 0, 0x12300, 0x80)?.encode_on(&s)?;
    /// assert_eq!(J1939Addr::decode(&raw)?.interface, Interface::name("lo")?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encode_on(&self, socket: &Socket) -> io::Result<SockAddr> {
        self.encode_with(Some(socket))
    }

    fn encode_with(&self, socket: Option<&Socket>) -> io::Result<SockAddr> {
        let mut union = [0u8; 16];
        union[..8].copy_from_slice(&self.name.to_ne_bytes());
        union[8..12].copy_from_slice(&self.pgn.to_ne_bytes());
        union[12] = self.addr;
        RawCan { ifindex: index_of(&self.interface, socket)?, union }.encode()
    }

    /// Like [`decode`](FamilyAddr::decode) but leaves the interface as an index (no
    /// `SIOCGIFNAME`), for receive paths.
    pub(crate) fn decode_indexed(addr: &SockAddr) -> io::Result<J1939Addr> {
        let raw = RawCan::decode::<J1939Addr>(addr, MIN_J1939, "CAN_J1939")?;
        let mut name = [0u8; 8];
        name.copy_from_slice(&raw.union[..8]);
        Ok(J1939Addr {
            interface: Interface::index(raw.ifindex),
            name: u64::from_ne_bytes(name),
            pgn: u32_at(&raw.union, 8),
            addr: raw.union[12],
        })
    }
}

impl FamilyAddr for J1939Addr {
    const FAMILY: Family = Family::CAN;
    const TEXT_FORM: &'static str = "interface:name:pgn:addr (`vcan0:0x0:0x12300:0x80`)";

    /// Decodes the `CAN_J1939` shape (the whole `sockaddr_can`); the index is turned back
    /// into a name as for [`CanAddr`].
    fn decode(addr: &SockAddr) -> io::Result<J1939Addr> {
        let mut a = J1939Addr::decode_indexed(addr)?;
        if let Interface::Index(index) = a.interface {
            a.interface = interface_from_index(index);
        }
        Ok(a)
    }

    fn encode(&self) -> io::Result<SockAddr> {
        self.encode_with(None)
    }
}

sock_core::family_addr!(J1939Addr);

/// A decoded `AF_CAN` address, in the shape of the socket's protocol.
///
/// ```
/// use sock::can::{AnyCanAddr, IsoTpAddr};
/// use sock::Protocol;
/// let raw = AnyCanAddr::IsoTp(IsoTpAddr::new("", 1, 2)?).encode()?;
/// let AnyCanAddr::IsoTp(a) = AnyCanAddr::decode_with(&raw, Protocol(sock::can::CAN_ISOTP))? else { panic!() };
/// assert_eq!((a.rx_id, a.tx_id), (1, 2));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnyCanAddr {
    /// `CAN_RAW` / `CAN_BCM`.
    Can(CanAddr),
    /// `CAN_ISOTP`.
    IsoTp(IsoTpAddr),
    /// `CAN_J1939`.
    J1939(J1939Addr),
}

impl AnyCanAddr {
    /// Decodes an `AF_CAN` address for a socket of `protocol`, as CPython's `makesockaddr`:
    /// `CAN_RAW`/`CAN_BCM` give [`CanAddr`], `CAN_ISOTP` [`IsoTpAddr`], `CAN_J1939`
    /// [`J1939Addr`]. Another family, a short address, or another protocol ("unsupported
    /// CAN protocol") is `InvalidInput`.
    ///
    /// ```
    /// use sock::can::{consts::{CAN_BCM, CAN_TP16}, AnyCanAddr, CanAddr};
    /// use sock::{FamilyAddr, Protocol};
    /// let raw = CanAddr::ANY.encode()?;
    /// assert_eq!(AnyCanAddr::decode_with(&raw, Protocol(CAN_BCM))?, AnyCanAddr::Can(CanAddr::ANY));
    /// let e = AnyCanAddr::decode_with(&raw, Protocol(CAN_TP16)).unwrap_err();
    /// assert_eq!(e.to_string(), format!("protocol: unsupported CAN protocol {CAN_TP16}"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn decode_with(addr: &SockAddr, protocol: Protocol) -> io::Result<AnyCanAddr> {
        match protocol.raw() {
            CAN_RAW | CAN_BCM => CanAddr::decode(addr).map(AnyCanAddr::Can),
            CAN_ISOTP => IsoTpAddr::decode(addr).map(AnyCanAddr::IsoTp),
            CAN_J1939 => J1939Addr::decode(addr).map(AnyCanAddr::J1939),
            other => Err(invalid_input("protocol", &format!("unsupported CAN protocol {other}"))),
        }
    }

    /// The interface of the address, whatever its shape.
    ///
    /// ```
    /// use sock::can::{AnyCanAddr, IsoTpAddr, Interface};
    /// let a = AnyCanAddr::from(IsoTpAddr::new("vcan0", 1, 2)?);
    /// assert_eq!(a.interface(), Interface::name("vcan0")?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn interface(&self) -> Interface {
        match self {
            AnyCanAddr::Can(a) => a.interface,
            AnyCanAddr::IsoTp(a) => a.interface,
            AnyCanAddr::J1939(a) => a.interface,
        }
    }

    /// Encodes the address in its shape (see [`FamilyAddr::encode`]).
    ///
    /// ```
    /// use sock::can::{AnyCanAddr, J1939Addr};
    /// use sock::FamilyAddr;
    /// let to = J1939Addr::to(0x12300, 0x90);
    /// let raw = AnyCanAddr::from(to).encode()?;
    /// assert_eq!((raw.len(), J1939Addr::decode(&raw)?), (24, to)); // a whole sockaddr_can
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encode(&self) -> io::Result<SockAddr> {
        match self {
            AnyCanAddr::Can(a) => a.encode(),
            AnyCanAddr::IsoTp(a) => a.encode(),
            AnyCanAddr::J1939(a) => a.encode(),
        }
    }
}

impl From<CanAddr> for AnyCanAddr {
    fn from(a: CanAddr) -> AnyCanAddr {
        AnyCanAddr::Can(a)
    }
}

impl From<IsoTpAddr> for AnyCanAddr {
    fn from(a: IsoTpAddr) -> AnyCanAddr {
        AnyCanAddr::IsoTp(a)
    }
}

impl From<J1939Addr> for AnyCanAddr {
    fn from(a: J1939Addr) -> AnyCanAddr {
        AnyCanAddr::J1939(a)
    }
}

impl ToSockAddr for AnyCanAddr {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        self.encode()
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

    /// The interface with a name replaced by an index (encoding needs no real interface).
    fn indexed(i: Interface) -> Interface {
        match i {
            Interface::Name(_) => Interface::Index(77),
            other => other,
        }
    }

    fn raw(ifindex: u32, union: [u8; 16]) -> SockAddr {
        RawCan { ifindex, union }.encode().unwrap()
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
        let any = CanAddr::ANY.encode().unwrap();
        assert_eq!(AnyCanAddr::decode_with(&any, Protocol(CAN_RAW)).unwrap(), AnyCanAddr::Can(CanAddr::ANY));
        let e = AnyCanAddr::decode_with(&any, Protocol(3)).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(e.to_string(), "protocol: unsupported CAN protocol 3");
        let inet = SockAddr::from("1.2.3.4:5".parse::<std::net::SocketAddr>().unwrap());
        let e = AnyCanAddr::decode_with(&inet, Protocol(CAN_RAW)).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(e.to_string(), "address: AF_INET is not an AF_CAN address");
    }

    /// The shortest address each protocol's kernel reports decodes; anything shorter is
    /// `InvalidInput` naming the shape (before issue 14 it was silently zero-filled).
    #[test]
    fn short_addresses() {
        // getsockname of CAN_RAW gives 8 bytes (RAW_MIN_NAMELEN).
        let short = SockAddr::new(AF_CAN as u16, &[0; 6]).unwrap();
        assert_eq!(CanAddr::decode(&short).unwrap(), CanAddr::ANY);
        let shorter = SockAddr::new(AF_CAN as u16, &[0; 5]).unwrap();
        let e = CanAddr::decode(&shorter).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(e.to_string(), "address: 7 bytes is too short for a CAN_RAW sockaddr_can (at least 8)");
        let tp = SockAddr::new(AF_CAN as u16, &[0; 14]).unwrap();
        assert_eq!(IsoTpAddr::decode(&tp).unwrap(), IsoTpAddr::default());
        assert_eq!(IsoTpAddr::decode(&short).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(J1939Addr::decode(&tp).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let family_only = SockAddr::new(AF_CAN as u16, &[]).unwrap();
        for p in [CAN_RAW, CAN_BCM, CAN_ISOTP, CAN_J1939] {
            let e = AnyCanAddr::decode_with(&family_only, Protocol(p)).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        }
    }

    #[test]
    fn names_resolve_in_this_namespace() {
        // `lo` exists in every network namespace; an unknown name is the kernel's ENODEV.
        let lo = CanAddr::new("lo").unwrap().encode().unwrap();
        assert_eq!(u32_at(lo.data(), IFINDEX), 1);
        let e = CanAddr::new("nosuchcan7").unwrap().encode().unwrap_err();
        assert_eq!(sock_core::errno(&e), Some(libc::ENODEV));
        assert_eq!(e.to_string(), "nosuchcan7: no such interface (ENODEV)");
        let s = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        let lo = J1939Addr::new("lo", 1, 2, 3).unwrap().encode_on(&s).unwrap();
        assert_eq!(u32_at(lo.data(), IFINDEX), 1);
    }

    proptest! {
        #[test]
        fn any_bytes_decode(bytes in proptest::collection::vec(any::<u8>(), 0..40), proto in 0i32..10) {
            let mut b = bytes.clone();
            if b.len() >= 2 && proto % 2 == 0 {
                b[..2].copy_from_slice(&(AF_CAN as u16).to_ne_bytes());
            }
            if let Ok(addr) = SockAddr::from_bytes(&b) {
                if let Err(e) = AnyCanAddr::decode_with(&addr, Protocol(proto)) {
                    prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
                }
                if let Err(e) = J1939Addr::decode_indexed(&addr) {
                    prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
                }
            }
        }

        #[test]
        fn raw_round_trip(ifindex in any::<u32>(), union in any::<[u8; 16]>()) {
            let r = RawCan { ifindex, union };
            prop_assert_eq!(RawCan::decode::<CanAddr>(&r.encode().unwrap(), DATA_LEN, "x").unwrap(), r);
        }

        #[test]
        fn isotp_round_trip(i in iface(), rx in any::<u32>(), tx in any::<u32>()) {
            let a = IsoTpAddr { interface: i, rx_id: rx, tx_id: tx };
            prop_assert_eq!(a.to_string().parse::<IsoTpAddr>().unwrap(), a);
            let b = IsoTpAddr { interface: indexed(i), ..a };
            let d = IsoTpAddr::decode(&b.encode().unwrap()).unwrap();
            prop_assert_eq!((d.rx_id, d.tx_id), (rx, tx));
            prop_assert_eq!(IsoTpAddr::try_from(raw(0, [0; 16])).unwrap().interface, Interface::Any);
        }

        #[test]
        fn j1939_round_trip(i in iface(), name in any::<u64>(), pgn in any::<u32>(), addr in any::<u8>()) {
            let a = J1939Addr { interface: i, name, pgn, addr };
            prop_assert_eq!(a.to_string().parse::<J1939Addr>().unwrap(), a);
            let b = J1939Addr { interface: indexed(i), ..a };
            prop_assert_eq!(J1939Addr::decode_indexed(&b.encode().unwrap()).unwrap(), b);
        }

        #[test]
        fn can_round_trip(i in iface()) {
            let a = CanAddr { interface: i };
            prop_assert_eq!(a.to_string().parse::<CanAddr>().unwrap(), a);
            let b = CanAddr { interface: indexed(i) };
            let got = RawCan::decode::<CanAddr>(&b.encode().unwrap(), MIN_CAN, "x").unwrap();
            prop_assert_eq!(got.ifindex, index_of(&b.interface, None).unwrap());
        }
    }
}
