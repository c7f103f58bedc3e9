//! [`PacketAddr`]: `struct sockaddr_ll`, CPython's `(ifname, proto, pkttype, hatype, addr)`,
//! and its [`FamilyAddr`] codec.

use std::io;
use std::os::fd::AsFd;

use sock_core::{if_name, invalid_input, Family, FamilyAddr, Interface, SockAddr, Socket, ToSockAddr};

use crate::consts::{AF_PACKET, MAX_ADDR_LEN, PACKET_HOST};
use crate::hwaddr::HwAddr;

/// Offset of `sll_addr` in the bytes after `sll_family`.
const ADDR_AT: usize = 10;
/// `sizeof(struct sockaddr_ll)` without `sll_family`: the fields plus 8 address bytes.
const DATA_LEN: usize = ADDR_AT + 8;

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
/// [`Interface::Name`] is looked up on the socket that uses it (every socket method does this
/// through [`ToSockAddr`]); [`FamilyAddr::encode`], which has no socket, refuses it and
/// [`PacketAddr::encode_on`] takes the socket to look it up on.
///
/// Hardware addresses may be up to 32 bytes (`MAX_ADDR_LEN`, InfiniBand uses 20); longer than
/// the 8 bytes of `sll_addr` are written past the struct, as the kernel accepts and reports
/// them. (CPython refuses more than 8 bytes.)
///
/// Text form ([`FamilyAddr::TEXT_FORM`]): `iface/protocol[/pkttype[/hatype[/hwaddr]]]`,
/// trailing defaults left out: `iface` is a name, `#index`, or empty for every interface;
/// `protocol` and `hatype` are numbers (decimal or `0x` hex; `Display` writes the protocol as
/// `0x` and four hex digits); `pkttype` is a name (`host`, `broadcast`, `multicast`,
/// `otherhost`, `outgoing`, `loopback`, `user`, `kernel`) or a number; `hwaddr` is two-digit
/// hex bytes separated by `:`. An interface whose name is `#` and digits cannot be written in
/// this form.
///
/// ```
/// use sock::FamilyAddr;
/// use sock::packet::{HwAddr, Interface, PacketAddr, ETH_P_IP, PACKET_OTHERHOST};
/// let a: PacketAddr = "eth0/0x0800/otherhost/1/02:00:00:00:00:01".parse()?;
/// assert_eq!(a.interface, Interface::name("eth0")?);
/// assert_eq!((a.protocol, a.pkttype, a.hatype), (ETH_P_IP, PACKET_OTHERHOST, 1));
/// assert_eq!(a.hwaddr, HwAddr::ether([2, 0, 0, 0, 0, 1]));
/// assert_eq!(a.to_string(), "eth0/0x0800/otherhost/1/02:00:00:00:00:01");
///
/// let any = PacketAddr::new(3u32, 0x0003);
/// assert_eq!(any.to_string(), "#3/0x0003");
/// assert_eq!(PacketAddr::decode(&any.encode()?)?, any);
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
    ///
    /// ```
    /// use sock::packet::{HwAddr, PacketAddr, ETH_P_IP, PACKET_BROADCAST};
    /// let a = PacketAddr::new(2u32, ETH_P_IP).with_pkttype(PACKET_BROADCAST).with_hatype(1).with_hwaddr(HwAddr::BROADCAST);
    /// assert_eq!(a.to_string(), "#2/0x0800/broadcast/1/ff:ff:ff:ff:ff:ff");
    /// ```
    pub fn new(interface: impl Into<Interface>, protocol: u16) -> Self {
        PacketAddr { interface: interface.into(), protocol, pkttype: PACKET_HOST, hatype: 0, hwaddr: HwAddr::EMPTY }
    }

    /// This address with `pkttype`.
    ///
    /// ```
    /// use sock::packet::{PacketAddr, ETH_P_IP, PACKET_OTHERHOST};
    /// let a = PacketAddr::new(2u32, ETH_P_IP).with_pkttype(PACKET_OTHERHOST);
    /// assert_eq!((a.pkttype, a.to_string()), (PACKET_OTHERHOST, "#2/0x0800/otherhost".to_owned()));
    /// ```
    pub fn with_pkttype(mut self, pkttype: u8) -> Self {
        self.pkttype = pkttype;
        self
    }

    /// This address with `hatype`.
    ///
    /// ```
    /// use sock::packet::{PacketAddr, ARPHRD_ETHER, ETH_P_IP};
    /// let a = PacketAddr::new(2u32, ETH_P_IP).with_hatype(ARPHRD_ETHER);
    /// assert_eq!((a.hatype, a.to_string()), (1, "#2/0x0800/host/1".to_owned()));
    /// ```
    pub fn with_hatype(mut self, hatype: u16) -> Self {
        self.hatype = hatype;
        self
    }

    /// This address with hardware address `hwaddr` (the destination in `send_to` on a
    /// `SOCK_DGRAM` socket).
    ///
    /// ```
    /// use sock::packet::{HwAddr, PacketAddr, ETH_P_IP};
    /// let a = PacketAddr::new(2u32, ETH_P_IP).with_hwaddr([2, 0, 0, 0, 0, 1]); // a [u8; 6] or an HwAddr
    /// assert_eq!(a.hwaddr, HwAddr::ether([2, 0, 0, 0, 0, 1]));
    /// assert_eq!(a.to_string(), "#2/0x0800/host/0/02:00:00:00:00:01");
    /// ```
    pub fn with_hwaddr(mut self, hwaddr: impl Into<HwAddr>) -> Self {
        self.hwaddr = hwaddr.into();
        self
    }

    /// The interface index, looking a name up on `socket` (an unknown name is
    /// `eth9: no such interface (ENODEV)`).
    ///
    /// ```
    /// use sock::packet::{IfName, PacketAddr};
    /// let any_socket = sock::Socket::new(sock::Family::UNIX, sock::Type::DGRAM, None)?;
    /// let lo = PacketAddr::new(IfName::new("lo")?, 3);
    /// assert_eq!(lo.ifindex(&any_socket)?, 1);
    /// assert_eq!(PacketAddr::new(1u32, 3).with_name(&any_socket)?, lo);
    /// assert_eq!(sock::packet::PacketAddr::decode(&lo.encode_on(&any_socket)?)?.interface, sock::packet::Interface::Index(1));
    /// # use sock::FamilyAddr;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn ifindex(&self, socket: impl AsFd) -> io::Result<u32> {
        self.interface.resolve(socket)
    }

    /// This address with its interface given by name, looked up on `socket` (index 0 stays
    /// as it is, as it names no interface).
    ///
    /// ```
    /// use sock::packet::{IfName, Interface, PacketAddr, ETH_P_ALL};
    /// let any_socket = sock::Socket::new(sock::Family::UNIX, sock::Type::DGRAM, None)?;
    /// let lo = sock::packet::if_index(&any_socket, &IfName::new("lo")?)?;
    /// let named = PacketAddr::new(lo, ETH_P_ALL).with_name(&any_socket)?;
    /// assert_eq!(named.to_string(), "lo/0x0003");
    /// assert_eq!(PacketAddr::new(Interface::ANY, 3).with_name(&any_socket)?.interface, Interface::ANY);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_name(mut self, socket: impl AsFd) -> io::Result<Self> {
        if let Interface::Index(index) = self.interface {
            self.interface = Interface::Name(if_name(socket, index)?);
        }
        Ok(self)
    }

    /// Encodes this address, looking an interface name up on `socket` (`SIOCGIFINDEX`).
    ///
    /// The one encoder besides [`FamilyAddr::encode`], because a name means an index only in
    /// one network namespace: the socket's (which need not be this thread's, after
    /// `setns`), so the lookup goes through the socket that will use the address.
    ///
    /// ```
    /// use sock::FamilyAddr;
    /// use sock::packet::{IfName, Interface, PacketAddr, ETH_P_ALL};
    /// let any_socket = sock::Socket::new(sock::Family::UNIX, sock::Type::DGRAM, None)?;
    /// let lo = PacketAddr::new(IfName::new("lo")?, ETH_P_ALL);
    /// assert_eq!(lo.encode().unwrap_err().kind(), std::io::ErrorKind::InvalidInput); // needs a socket
    /// let raw = lo.encode_on(&any_socket)?;
    /// let index = sock::packet::if_index(&any_socket, &IfName::new("lo")?)?;
    /// assert_eq!(PacketAddr::decode(&raw)?.interface, Interface::Index(index));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encode_on(&self, socket: impl AsFd) -> io::Result<SockAddr> {
        self.encode_index(self.ifindex(socket)?)
    }

    /// Encodes with the interface index `ifindex`.
    fn encode_index(&self, ifindex: u32) -> io::Result<SockAddr> {
        let halen = self.hwaddr.len();
        let mut data = [0u8; ADDR_AT + MAX_ADDR_LEN];
        data[0..2].copy_from_slice(&self.protocol.to_be_bytes());
        // `sll_ifindex` is an `int`; an index above `i32::MAX` keeps its bits.
        data[2..6].copy_from_slice(&ifindex.to_ne_bytes());
        data[6..8].copy_from_slice(&self.hatype.to_ne_bytes());
        data[8] = self.pkttype;
        data[9] = halen as u8; // at most MAX_ADDR_LEN (32), an HwAddr invariant
        data[ADDR_AT..ADDR_AT + halen].copy_from_slice(self.hwaddr.as_bytes());
        let len = DATA_LEN.max(ADDR_AT + halen);
        SockAddr::new(AF_PACKET as u16, &data[..len])
    }
}

impl FamilyAddr for PacketAddr {
    const FAMILY: Family = Family::PACKET;
    const TEXT_FORM: &'static str = "iface/protocol[/pkttype[/hatype[/hwaddr]]]";

    /// Decodes a `struct sockaddr_ll` (the interface comes back as an index). `InvalidInput`
    /// if the family is not `AF_PACKET`, the address is too short for its fields, or its
    /// hardware address length exceeds the bytes present or 32.
    fn decode(addr: &SockAddr) -> io::Result<Self> {
        let b = Self::expect_family(addr)?;
        if b.len() < ADDR_AT {
            return Err(invalid_input("address", "shorter than struct sockaddr_ll"));
        }
        let halen = usize::from(b[9]);
        let hw = b
            .get(ADDR_AT..ADDR_AT + halen)
            .ok_or_else(|| invalid_input("address", "hardware address length beyond the address"))?;
        Ok(PacketAddr {
            protocol: u16::from_be_bytes([b[0], b[1]]),
            interface: Interface::index(u32::from_ne_bytes([b[2], b[3], b[4], b[5]])),
            hatype: u16::from_ne_bytes([b[6], b[7]]),
            pkttype: b[8],
            hwaddr: HwAddr::new(hw)?,
        })
    }

    /// Encodes a `struct sockaddr_ll` when the interface is an index or every interface; an
    /// interface name is `InvalidInput` here, as it needs a socket to be looked up on: pass
    /// the address to a socket method (its [`ToSockAddr`] looks the name up) or use
    /// [`PacketAddr::encode_on`].
    fn encode(&self) -> io::Result<SockAddr> {
        match self.interface {
            Interface::Any => self.encode_index(0),
            Interface::Index(index) => self.encode_index(index),
            Interface::Name(_) => Err(invalid_input("ifname", "an interface name needs a socket to be looked up on")),
        }
    }
}

// Not `sock_core::family_addr!`: `ToSockAddr` looks an interface name up on the socket.
impl ToSockAddr for PacketAddr {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        self.encode_on(socket)
    }
}

impl TryFrom<&SockAddr> for PacketAddr {
    type Error = io::Error;

    fn try_from(addr: &SockAddr) -> io::Result<Self> {
        PacketAddr::decode(addr)
    }
}

impl TryFrom<SockAddr> for PacketAddr {
    type Error = io::Error;

    fn try_from(addr: SockAddr) -> io::Result<Self> {
        PacketAddr::decode(&addr)
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
        let raw = a.encode().unwrap();
        assert_eq!(raw.len(), std::mem::size_of::<libc::sockaddr_ll>());
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
        let raw = a.encode().unwrap();
        assert_eq!(raw.len(), 32);
        assert_eq!(PacketAddr::decode(&raw).unwrap(), a);
    }

    #[test]
    fn names_need_a_socket() {
        let a = PacketAddr::new(IfName::new("lo").unwrap(), ETH_P_ALL);
        assert_eq!(a.encode().unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let sock = Socket::new(sock_core::Family::UNIX, sock_core::Type::DGRAM, None).unwrap();
        let raw = a.encode_on(&sock).unwrap();
        let back = PacketAddr::decode(&raw).unwrap();
        assert_ne!(back.interface, Interface::ANY);
        assert_eq!(back.with_name(&sock).unwrap(), a);
        assert_eq!(a.to_sock_addr(&sock).unwrap(), raw);
    }

    #[test]
    fn bad_raw_addresses_are_invalid_input() {
        let short = SockAddr::new(17, &[0; 8]).unwrap();
        assert_eq!(PacketAddr::decode(&short).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let mut lying = [0u8; 18];
        lying[9] = 9; // halen 9 but only 8 address bytes present
        let e = PacketAddr::decode(&SockAddr::new(17, &lying).unwrap()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        let inet = SockAddr::from("127.0.0.1:1".parse::<std::net::SocketAddr>().unwrap());
        let e = PacketAddr::try_from(inet).unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (io::ErrorKind::InvalidInput, "address: AF_INET is not an AF_PACKET address".into())
        );
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
            let _ = PacketAddr::decode(&SockAddr::from_bytes(&bytes).unwrap());
            if bytes.len() >= 2 {
                let mut forced = bytes.clone();
                forced[..2].copy_from_slice(&17u16.to_ne_bytes());
                match PacketAddr::decode(&SockAddr::from_bytes(&forced).unwrap()) {
                    Ok(a) => prop_assert_eq!(PacketAddr::decode(&a.encode().unwrap()).unwrap(), a),
                    Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
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
                prop_assert_eq!(PacketAddr::decode(&a.encode().unwrap()).unwrap(), a);
            }
        }
    }
}
