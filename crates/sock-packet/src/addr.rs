//! [`PacketAddr`]: `struct sockaddr_ll`, CPython's `(ifname, proto, pkttype, hatype, addr)`.

use std::fmt;
use std::io;
use std::os::fd::AsFd;
use std::str::FromStr;

use sock_core::{invalid_input, SockAddr, Socket, ToSockAddr};

use crate::consts::{pkttype_from_name, pkttype_name, AF_PACKET, MAX_ADDR_LEN, PACKET_HOST};
use crate::hwaddr::HwAddr;
use sock_core::{if_name, Interface};

/// Offset of `sll_addr` in `struct sockaddr_ll`; the struct is this plus 8 address bytes.
const SLL_ADDR_OFFSET: usize = 12;
/// `sizeof(struct sockaddr_ll)`.
const SOCKADDR_LL_LEN: usize = 20;

/// A link-layer address: interface, Ethernet protocol, packet type, hardware type and hardware
/// address — what `recv_from` reports on an `AF_PACKET` socket and what `bind`/`send_to` take.
///
/// `protocol` is in **host** byte order here (`0x0800` is IPv4) and is written in network
/// order on the wire, as CPython does since gh-100231. (The protocol given to `socket()`
/// itself is in network order; [`crate::PacketSocket::new`] takes it in host order and
/// converts it.)
///
/// A received address names its interface by index; [`PacketAddr::with_name`] looks the name
/// up, as CPython does for every address it returns. An address built with
/// [`Interface::Name`] is looked up on the socket that uses it.
///
/// Hardware addresses may be up to 32 bytes (`MAX_ADDR_LEN`, InfiniBand uses 20); longer than
/// the 8 bytes of `sll_addr` are written past the struct, as the kernel accepts and reports
/// them. (CPython refuses more than 8 bytes.)
///
/// Text form: `iface/protocol[/pkttype[/hatype[/hwaddr]]]`, trailing defaults left out:
/// `iface` is a name, `#index`, or empty for every interface; `protocol` is `0x`-hex (decimal also parses); `pkttype` is a
/// name (`host`, `broadcast`, `multicast`, `otherhost`, `outgoing`, `loopback`, `user`,
/// `kernel`) or a number; `hatype` is decimal; `hwaddr` is colon hex. An interface whose name
/// is `#` and digits cannot be written in this form.
///
/// ```
/// use sock_packet::{HwAddr, Interface, PacketAddr, ETH_P_IP, PACKET_OTHERHOST};
/// let a: PacketAddr = "eth0/0x0800/otherhost/1/02:00:00:00:00:01".parse()?;
/// assert_eq!(a.interface, Interface::name("eth0")?);
/// assert_eq!((a.protocol, a.pkttype, a.hatype), (ETH_P_IP, PACKET_OTHERHOST, 1));
/// assert_eq!(a.hwaddr, HwAddr::ether([2, 0, 0, 0, 0, 1]));
/// assert_eq!(a.to_string(), "eth0/0x0800/otherhost/1/02:00:00:00:00:01");
///
/// let any = PacketAddr::new(3u32, 0x0003);
/// assert_eq!(any.to_string(), "#3/0x0003");
/// assert_eq!(PacketAddr::from_sock_addr(&any.to_raw()?)?, any);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PacketAddr {
    /// The interface (`sll_ifindex`); index 0 means every interface.
    pub interface: Interface,
    /// `sll_protocol` in host byte order (`ETH_P_*`).
    pub protocol: u16,
    /// `sll_pkttype`: `PACKET_HOST` (the default), `PACKET_BROADCAST`...
    pub pkttype: u8,
    /// `sll_hatype`: the `ARPHRD_*` hardware type.
    pub hatype: u16,
    /// `sll_addr`/`sll_halen`: the hardware address.
    pub hwaddr: HwAddr,
}

impl PacketAddr {
    /// The address of `interface` and `protocol` (host order), with packet type `PACKET_HOST`,
    /// hardware type 0 and no hardware address — CPython's `(ifname, proto)`.
    pub fn new(interface: impl Into<Interface>, protocol: u16) -> Self {
        PacketAddr { interface: interface.into(), protocol, pkttype: PACKET_HOST, hatype: 0, hwaddr: HwAddr::EMPTY }
    }

    /// This address with `pkttype`.
    pub fn with_pkttype(mut self, pkttype: u8) -> Self {
        self.pkttype = pkttype;
        self
    }

    /// This address with `hatype`.
    pub fn with_hatype(mut self, hatype: u16) -> Self {
        self.hatype = hatype;
        self
    }

    /// This address with hardware address `hwaddr` (the destination in `send_to` on a
    /// `SOCK_DGRAM` socket).
    pub fn with_hwaddr(mut self, hwaddr: impl Into<HwAddr>) -> Self {
        self.hwaddr = hwaddr.into();
        self
    }

    /// The interface index, looking a name up on `socket`.
    pub fn ifindex(&self, socket: impl AsFd) -> io::Result<u32> {
        self.interface.resolve(socket)
    }

    /// This address with its interface given by name, looked up on `socket` (index 0 stays
    /// as it is, as it names no interface).
    pub fn with_name(mut self, socket: impl AsFd) -> io::Result<Self> {
        if let Interface::Index(index) = self.interface {
            self.interface = Interface::Name(if_name(socket, index)?);
        }
        Ok(self)
    }

    /// Encodes with the interface index `ifindex`.
    fn encode(&self, ifindex: u32) -> SockAddr {
        let halen = self.hwaddr.len();
        let mut data = [0u8; SLL_ADDR_OFFSET - 2 + MAX_ADDR_LEN];
        data[0..2].copy_from_slice(&self.protocol.to_be_bytes());
        data[2..6].copy_from_slice(&(ifindex as i32).to_ne_bytes());
        data[6..8].copy_from_slice(&self.hatype.to_ne_bytes());
        data[8] = self.pkttype;
        data[9] = halen as u8;
        data[10..10 + halen].copy_from_slice(self.hwaddr.as_bytes());
        let len = SOCKADDR_LL_LEN.max(SLL_ADDR_OFFSET + halen) - 2;
        SockAddr::new(AF_PACKET as u16, &data[..len]).expect("sockaddr_ll fits in sockaddr_storage")
    }

    /// Encodes this address as a `struct sockaddr_ll` when its interface is an index; an
    /// interface name needs a socket to look it up: use [`ToSockAddr`] (every socket method
    /// does) or [`PacketAddr::to_raw_on`].
    pub fn to_raw(&self) -> io::Result<SockAddr> {
        match self.interface {
            Interface::Any => Ok(self.encode(0)),
            Interface::Index(index) => Ok(self.encode(index)),
            Interface::Name(_) => Err(invalid_input("ifname", "an interface name needs a socket to be looked up")),
        }
    }

    /// Encodes this address, looking an interface name up on `socket` (`SIOCGIFINDEX`).
    pub fn to_raw_on(&self, socket: impl AsFd) -> io::Result<SockAddr> {
        Ok(self.encode(self.ifindex(socket)?))
    }

    /// Decodes a `struct sockaddr_ll` (the interface comes back as an index). Fails with
    /// `InvalidInput` if the family is not `AF_PACKET`, the address is too short for its
    /// fields, or its hardware address length exceeds the bytes present or 32.
    pub fn from_sock_addr(addr: &SockAddr) -> io::Result<Self> {
        if i32::from(addr.family()) != AF_PACKET {
            return Err(invalid_input("address", "not an AF_PACKET address"));
        }
        let b = addr.as_bytes();
        if b.len() < SLL_ADDR_OFFSET {
            return Err(invalid_input("address", "shorter than struct sockaddr_ll"));
        }
        let halen = usize::from(b[11]);
        let hw = b
            .get(SLL_ADDR_OFFSET..SLL_ADDR_OFFSET + halen)
            .ok_or_else(|| invalid_input("address", "hardware address length beyond the address"))?;
        Ok(PacketAddr {
            protocol: u16::from_be_bytes([b[2], b[3]]),
            interface: Interface::index(i32::from_ne_bytes([b[4], b[5], b[6], b[7]]) as u32),
            hatype: u16::from_ne_bytes([b[8], b[9]]),
            pkttype: b[10],
            hwaddr: HwAddr::new(hw)?,
        })
    }
}

impl TryFrom<&SockAddr> for PacketAddr {
    type Error = io::Error;

    fn try_from(addr: &SockAddr) -> io::Result<Self> {
        PacketAddr::from_sock_addr(addr)
    }
}

impl ToSockAddr for PacketAddr {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        self.to_raw_on(socket)
    }
}

impl fmt::Display for PacketAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:#06x}", self.interface, self.protocol)?;
        let fields = if !self.hwaddr.is_empty() {
            3
        } else if self.hatype != 0 {
            2
        } else {
            usize::from(self.pkttype != PACKET_HOST)
        };
        if fields >= 1 {
            match pkttype_name(self.pkttype) {
                Some(name) => write!(f, "/{name}")?,
                None => write!(f, "/{}", self.pkttype)?,
            }
        }
        if fields >= 2 {
            write!(f, "/{}", self.hatype)?;
        }
        if fields >= 3 {
            write!(f, "/{}", self.hwaddr)?;
        }
        Ok(())
    }
}

fn parse_num<T: TryFrom<u64>>(s: &str, what: &str) -> io::Result<T> {
    let parsed = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(hex) if !hex.starts_with('+') => u64::from_str_radix(hex, 16).ok(),
        Some(_) => None,
        None if !s.starts_with('+') => s.parse().ok(),
        None => None,
    };
    parsed.and_then(|v| T::try_from(v).ok()).ok_or_else(|| invalid_input(what, "expected a number in range"))
}

impl FromStr for PacketAddr {
    type Err = io::Error;

    /// Parses `iface/protocol[/pkttype[/hatype[/hwaddr]]]`.
    fn from_str(s: &str) -> io::Result<Self> {
        let mut parts = s.split('/');
        let interface: Interface = parts.next().unwrap_or_default().parse()?;
        let protocol =
            parse_num(parts.next().ok_or_else(|| invalid_input("address", "expected `iface/protocol`"))?, "protocol")?;
        let mut addr = PacketAddr::new(interface, protocol);
        if let Some(p) = parts.next() {
            addr.pkttype = match pkttype_from_name(p) {
                Some(t) => t,
                None => parse_num(p, "pkttype")?,
            };
        }
        if let Some(h) = parts.next() {
            addr.hatype = parse_num(h, "hatype")?;
        }
        if let Some(hw) = parts.next() {
            addr.hwaddr = hw.parse()?;
        }
        if parts.next().is_some() {
            return Err(invalid_input("address", "too many `/`-separated fields"));
        }
        Ok(addr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::*;
    use proptest::prelude::*;
    use sock_core::IfName;

    #[test]
    fn layout_matches_the_kernel() {
        let a = PacketAddr::new(7u32, ETH_P_IP)
            .with_pkttype(PACKET_BROADCAST)
            .with_hatype(1)
            .with_hwaddr([1, 2, 3, 4, 5, 6]);
        let raw = a.to_raw().unwrap();
        assert_eq!(raw.len(), 20);
        let b = raw.as_bytes();
        assert_eq!(&b[0..2], &17u16.to_ne_bytes());
        assert_eq!(&b[2..4], &[0x08, 0x00], "protocol in network order");
        assert_eq!(&b[4..8], &7i32.to_ne_bytes());
        assert_eq!((b[10], b[11]), (PACKET_BROADCAST, 6));
        assert_eq!(&b[12..20], &[1, 2, 3, 4, 5, 6, 0, 0]);
    }

    #[test]
    fn long_hardware_addresses_extend_the_struct() {
        let a = PacketAddr::new(2u32, 0x8915).with_hwaddr(HwAddr::new(&[9; 20]).unwrap());
        let raw = a.to_raw().unwrap();
        assert_eq!(raw.len(), 32);
        assert_eq!(PacketAddr::from_sock_addr(&raw).unwrap(), a);
    }

    #[test]
    fn names_need_a_socket() {
        let a = PacketAddr::new(IfName::new("lo").unwrap(), ETH_P_ALL);
        assert_eq!(a.to_raw().unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let sock = Socket::new(sock_core::Family::UNIX, sock_core::Type::DGRAM, None).unwrap();
        let raw = a.to_raw_on(&sock).unwrap();
        let back = PacketAddr::from_sock_addr(&raw).unwrap();
        assert_ne!(back.interface, Interface::ANY);
        assert_eq!(back.with_name(&sock).unwrap(), a);
    }

    #[test]
    fn bad_input_is_invalid_input() {
        for s in [
            "",
            "eth0",
            "eth0/",
            "eth0/0x10000",
            "eth0/-1",
            "eth0/+1",
            "eth0/1/x",
            "eth0/1/256",
            "eth0/1/host/65536",
            "eth0/1/host/1/zz",
            "eth0/1/host/1/00/9",
            "a23456789012345x/1",
            "#4294967296/1",
        ] {
            assert_eq!(s.parse::<PacketAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{s:?}");
        }
        let short = SockAddr::new(17, &[0; 8]).unwrap();
        assert!(PacketAddr::from_sock_addr(&short).is_err());
        let mut lying = [0u8; 18];
        lying[9] = 9; // halen 9 but only 8 address bytes present
        assert!(PacketAddr::from_sock_addr(&SockAddr::new(17, &lying).unwrap()).is_err());
    }

    fn interface() -> impl Strategy<Value = Interface> {
        prop_oneof![
            any::<u32>().prop_map(Interface::index),
            "[a-z][a-z0-9_.-]{0,14}".prop_map(|n| Interface::Name(IfName::new(&n).unwrap())),
        ]
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=128)) {
            let _ = PacketAddr::from_sock_addr(&SockAddr::from_bytes(&bytes).unwrap());
            if bytes.len() >= 2 {
                let mut forced = bytes.clone();
                forced[..2].copy_from_slice(&17u16.to_ne_bytes());
                if let Ok(a) = PacketAddr::from_sock_addr(&SockAddr::from_bytes(&forced).unwrap()) {
                    let _ = a.to_string();
                }
            }
        }

        #[test]
        fn round_trips(
            interface in interface(),
            protocol in any::<u16>(),
            pkttype in any::<u8>(),
            hatype in any::<u16>(),
            hw in proptest::collection::vec(any::<u8>(), 0..=32),
        ) {
            let a = PacketAddr { interface, protocol, pkttype, hatype, hwaddr: HwAddr::new(&hw).unwrap() };
            prop_assert_eq!(a.to_string().parse::<PacketAddr>().unwrap(), a);
            if !matches!(interface, Interface::Name(_)) {
                prop_assert_eq!(PacketAddr::from_sock_addr(&a.to_raw().unwrap()).unwrap(), a);
            }
        }

        #[test]
        fn any_text_parses_without_panic(s in "[a-z0-9#/:x]{0,60}") {
            let _ = s.parse::<PacketAddr>();
        }
    }
}
