//! Typed ancillary items of IPv4, IPv6 and UDP: [`InetCmsg`]. Encode them into a
//! [`CmsgWriter`] for `send_msg`; decode received items from a [`CmsgIter`](sock_core::cmsg::CmsgIter).

use std::io;
use std::net::{Ipv4Addr, Ipv6Addr};

use libc::c_int;

use sock_core::cmsg::{Cmsg, CmsgIter, CmsgWriter};
use sock_core::pod::read_pod;

use crate::consts::*;
use crate::options::ifindex_int;

/// One IP-level control message.
///
/// ```
/// use sock::cmsg::{CmsgIter, CmsgWriter};
/// use sock::inet::InetCmsg;
/// let mut buf = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut buf);
/// InetCmsg::HopLimit(2).encode(&mut w)?;
/// InetCmsg::TClass(0x28).encode(&mut w)?;
/// let len = w.len();
/// let items: Vec<_> = InetCmsg::parse(&buf[..len]).collect();
/// assert_eq!(items, [InetCmsg::HopLimit(2), InetCmsg::TClass(0x28)]);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InetCmsg {
    /// `IP_PKTINFO` (`struct in_pktinfo`): received on, or to send from, interface `ifindex`;
    /// `spec_dst` is the local address (for sending: the source address to use), `addr` the
    /// header's destination (ignored when sending).
    PktInfoV4 {
        /// `ipi_ifindex` (0: any; the kernel's `int`, so at most `i32::MAX` to send).
        ifindex: u32,
        /// `ipi_spec_dst`.
        spec_dst: Ipv4Addr,
        /// `ipi_addr`.
        addr: Ipv4Addr,
    },
    /// `IP_TTL`: the received packet's TTL (with `IP_RECVTTL`), or the TTL to send with.
    Ttl(c_int),
    /// `IP_TOS`: the received packet's TOS byte (with `IP_RECVTOS`), or the TOS to send with.
    Tos(u8),
    /// `IPV6_PKTINFO` (`struct in6_pktinfo`): destination/source address and interface.
    PktInfoV6 {
        /// `ipi6_addr`.
        addr: Ipv6Addr,
        /// `ipi6_ifindex` (the kernel's `int`, so at most `i32::MAX` to send).
        ifindex: u32,
    },
    /// `IPV6_HOPLIMIT`: received hop limit (with `IPV6_RECVHOPLIMIT`), or the one to send with.
    HopLimit(c_int),
    /// `IPV6_TCLASS`: received traffic class (with `IPV6_RECVTCLASS`), or the one to send with
    /// (-1: the socket's default).
    TClass(c_int),
    /// `UDP_SEGMENT` (level `SOL_UDP`, a `u16`), to send with: this one send leaves as datagrams
    /// of this many bytes, the last possibly shorter, whatever the socket's `UDP_SEGMENT`
    /// option says (0: one datagram). Check a `usize` with
    /// [`checked_segment_size`](crate::checked_segment_size).
    ///
    /// ```
    /// use std::io::IoSlice;
    /// use sock::{cmsg::CmsgWriter, Family, Socket, SockAddr, Type};
    /// use sock::inet::{checked_segment_size, InetCmsg};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// let mut control = [0u8; 32];
    /// let mut w = CmsgWriter::new(&mut control);
    /// InetCmsg::UdpSegment(checked_segment_size(100)?).encode(&mut w)?;
    /// let len = w.len();
    /// let to: SockAddr = rx.local_addr()?;
    /// tx.send_msg(&[IoSlice::new(&[7u8; 250])], &control[..len], 0, Some(&to))?;
    /// let lens: Vec<usize> = (0..3).map(|_| rx.recv_vec(2000).map(|d| d.len())).collect::<Result<_, _>>()?;
    /// assert_eq!(lens, [100, 100, 50]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    UdpSegment(u16),
    /// `UDP_GRO` (level `SOL_UDP`), received with the `UDP_GRO` option on: the buffer holds
    /// several datagrams of this size back to back, the last possibly shorter; split it with
    /// [`gro_segments`](crate::gro_segments) (or find it with
    /// [`gro_segment_size`](crate::gro_segment_size)). The kernel sends an `int`; encoded as
    /// one for tests, since sending it is `EINVAL`.
    UdpGro(u16),
}

impl InetCmsg {
    /// The `(cmsg_level, cmsg_type)` of this item.
    ///
    /// ```
    /// use sock::consts::{IPPROTO_IPV6, IPV6_HOPLIMIT};
    /// assert_eq!(sock::inet::InetCmsg::HopLimit(64).kind(), (IPPROTO_IPV6, IPV6_HOPLIMIT));
    /// ```
    pub fn kind(&self) -> (c_int, c_int) {
        match self {
            InetCmsg::PktInfoV4 { .. } => (IPPROTO_IP, IP_PKTINFO),
            InetCmsg::Ttl(_) => (IPPROTO_IP, IP_TTL),
            InetCmsg::Tos(_) => (IPPROTO_IP, IP_TOS),
            InetCmsg::PktInfoV6 { .. } => (IPPROTO_IPV6, IPV6_PKTINFO),
            InetCmsg::HopLimit(_) => (IPPROTO_IPV6, IPV6_HOPLIMIT),
            InetCmsg::TClass(_) => (IPPROTO_IPV6, IPV6_TCLASS),
            InetCmsg::UdpSegment(_) => (SOL_UDP, UDP_SEGMENT),
            InetCmsg::UdpGro(_) => (SOL_UDP, UDP_GRO),
        }
    }

    /// Appends this item to `w` (integers as `int` but `UDP_SEGMENT` as the `u16` the kernel
    /// wants, structures in the kernel's layout). A `PktInfo` interface index over `i32::MAX`
    /// is `InvalidInput` naming `ifindex`.
    ///
    /// ```
    /// use sock::cmsg::CmsgWriter;
    /// use sock::inet::InetCmsg;
    /// let mut control = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut control);
    /// InetCmsg::Ttl(5).encode(&mut w)?;
    /// assert_eq!(w.len(), sock::cmsg_space(4)?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encode(&self, w: &mut CmsgWriter<'_>) -> io::Result<()> {
        let (level, ty) = self.kind();
        match *self {
            InetCmsg::PktInfoV4 { ifindex, spec_dst, addr } => {
                let mut b = [0u8; 12];
                b[..4].copy_from_slice(&ifindex_int(ifindex)?.to_ne_bytes());
                b[4..8].copy_from_slice(&spec_dst.octets());
                b[8..].copy_from_slice(&addr.octets());
                w.push(level, ty, &b)
            }
            InetCmsg::PktInfoV6 { addr, ifindex } => {
                let mut b = [0u8; 20];
                b[..16].copy_from_slice(&addr.octets());
                b[16..].copy_from_slice(&ifindex_int(ifindex)?.to_ne_bytes());
                w.push(level, ty, &b)
            }
            InetCmsg::Tos(v) => w.push_value(level, ty, &c_int::from(v)),
            InetCmsg::UdpGro(v) => w.push_value(level, ty, &c_int::from(v)),
            InetCmsg::UdpSegment(v) => w.push_value(level, ty, &v),
            InetCmsg::Ttl(v) | InetCmsg::HopLimit(v) | InetCmsg::TClass(v) => w.push_value(level, ty, &v),
        }
    }

    /// The typed item for a received control message, or `None` if it is not one of these
    /// or is too short (a truncated item is never guessed at).
    ///
    /// ```
    /// use sock::cmsg::CmsgIter;
    /// use sock::inet::InetCmsg;
    /// let mut control = [0u8; 64];
    /// let mut w = sock::cmsg::CmsgWriter::new(&mut control);
    /// InetCmsg::Tos(0x10).encode(&mut w)?;
    /// let len = w.len();
    /// let item = CmsgIter::new(&control[..len]).next().unwrap();
    /// assert_eq!(InetCmsg::decode(&item), Some(InetCmsg::Tos(0x10)));
    /// assert_eq!(item.decode::<InetCmsg>(), Some(InetCmsg::Tos(0x10))); // the same, through DecodeCmsg
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn decode(item: &Cmsg<'_>) -> Option<InetCmsg> {
        if item.truncated {
            return None;
        }
        let d = item.data;
        let v4 = |at: usize| Some(Ipv4Addr::new(*d.get(at)?, *d.get(at + 1)?, *d.get(at + 2)?, *d.get(at + 3)?));
        Some(match (item.level, item.ty) {
            (IPPROTO_IP, IP_PKTINFO) if d.len() >= 12 => InetCmsg::PktInfoV4 {
                ifindex: u32::try_from(read_pod::<c_int>(d)?).ok()?,
                spec_dst: v4(4)?,
                addr: v4(8)?,
            },
            (IPPROTO_IP, IP_TTL) => InetCmsg::Ttl(read_pod(d)?),
            // The kernel sends the TOS as one byte; accept an int too.
            (IPPROTO_IP, IP_TOS) if d.len() == 1 => InetCmsg::Tos(d[0]),
            (IPPROTO_IP, IP_TOS) => InetCmsg::Tos(read_pod::<c_int>(d)? as u8),
            (IPPROTO_IPV6, IPV6_PKTINFO) if d.len() >= 20 => {
                let addr: [u8; 16] = d[..16].try_into().ok()?;
                InetCmsg::PktInfoV6 {
                    addr: Ipv6Addr::from(addr),
                    ifindex: u32::try_from(read_pod::<c_int>(&d[16..])?).ok()?,
                }
            }
            (IPPROTO_IPV6, IPV6_HOPLIMIT) => InetCmsg::HopLimit(read_pod(d)?),
            (IPPROTO_IPV6, IPV6_TCLASS) => InetCmsg::TClass(read_pod(d)?),
            (SOL_UDP, UDP_SEGMENT) => InetCmsg::UdpSegment(read_pod(d)?),
            // An int holding a u16 gso_size; anything else is not a segment size.
            (SOL_UDP, UDP_GRO) => InetCmsg::UdpGro(u16::try_from(read_pod::<c_int>(d)?).ok()?),
            _ => return None,
        })
    }

    /// The typed items of a received control buffer (pass `&control[..msg.control_len]`);
    /// items of other kinds are skipped.
    ///
    /// ```
    /// use std::io::IoSliceMut;
    /// use sock::inet::{opt, InetCmsg};
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// rx.set(opt::IP_RECVTTL, &true)?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.set(opt::IP_TTL, &9)?;
    /// tx.send_to(b"x", rx.local_addr()?)?;
    /// let (mut buf, mut control) = ([0u8; 8], [0u8; 64]);
    /// let msg = rx.recv_msg(&mut [IoSliceMut::new(&mut buf)], &mut control, 0)?;
    /// let items: Vec<InetCmsg> = InetCmsg::parse(&control[..msg.control_len]).collect();
    /// assert_eq!(items, [InetCmsg::Ttl(9)]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn parse(control: &[u8]) -> impl Iterator<Item = InetCmsg> + '_ {
        CmsgIter::new(control).filter_map(|c| InetCmsg::decode(&c))
    }
}

/// The family's decoder in the one ancillary-data model: `cmsg.decode::<InetCmsg>()` on a
/// [`CmsgIter`]'s items and on the owned items of `recv_msg_vec` alike.
impl<'a> sock_core::cmsg::DecodeCmsg<'a> for InetCmsg {
    fn decode_cmsg(item: &Cmsg<'a>) -> Option<InetCmsg> {
        InetCmsg::decode(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round_trip(item: InetCmsg) -> Option<InetCmsg> {
        let mut buf = [0u8; 64];
        let mut w = CmsgWriter::new(&mut buf);
        item.encode(&mut w).unwrap();
        let len = w.len();
        let mut it = InetCmsg::parse(&buf[..len]);
        it.next()
    }

    #[test]
    fn short_and_foreign_items() {
        let c = Cmsg { level: IPPROTO_IPV6, ty: IPV6_HOPLIMIT, data: &[1, 2], truncated: false };
        assert_eq!(InetCmsg::decode(&c), None);
        let c = Cmsg { level: IPPROTO_IP, ty: IP_TOS, data: &[0x10], truncated: false };
        assert_eq!(InetCmsg::decode(&c), Some(InetCmsg::Tos(0x10)));
        let c = Cmsg { level: 1, ty: 1, data: &[0; 4], truncated: false };
        assert_eq!(InetCmsg::decode(&c), None);
        let c = Cmsg { level: IPPROTO_IPV6, ty: IPV6_TCLASS, data: &[0; 4], truncated: true };
        assert_eq!(InetCmsg::decode(&c), None);
        let c = Cmsg { level: SOL_UDP, ty: UDP_GRO, data: &65536i32.to_ne_bytes(), truncated: false };
        assert_eq!(InetCmsg::decode(&c), None);
        let c = Cmsg { level: SOL_UDP, ty: UDP_GRO, data: &1200i32.to_ne_bytes(), truncated: false };
        assert_eq!(InetCmsg::decode(&c), Some(InetCmsg::UdpGro(1200)));
        let c = Cmsg { level: SOL_UDP, ty: UDP_SEGMENT, data: &[1], truncated: false };
        assert_eq!(InetCmsg::decode(&c), None);
    }

    /// An interface index that the kernel's `int` cannot hold is refused, not sent negative.
    #[test]
    fn pktinfo_ifindex_fits_int() {
        let mut buf = [0u8; 64];
        for item in [
            InetCmsg::PktInfoV4 { ifindex: 0x8000_0000, spec_dst: Ipv4Addr::LOCALHOST, addr: Ipv4Addr::LOCALHOST },
            InetCmsg::PktInfoV6 { addr: Ipv6Addr::LOCALHOST, ifindex: u32::MAX },
        ] {
            let err = item.encode(&mut CmsgWriter::new(&mut buf)).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
            assert!(err.to_string().starts_with("ifindex: "), "{err}");
        }
        let max = InetCmsg::PktInfoV6 { addr: Ipv6Addr::LOCALHOST, ifindex: i32::MAX as u32 };
        assert_eq!(round_trip(max), Some(max));
    }

    proptest! {
        #[test]
        fn encode_decode(ifindex in 0..=i32::MAX as u32, a in any::<[u8; 4]>(), b in any::<[u8; 4]>(), six in any::<[u8; 16]>(), n in any::<i32>(), tos in any::<u8>(), seg in any::<u16>()) {
            for item in [
                InetCmsg::PktInfoV4 { ifindex, spec_dst: a.into(), addr: b.into() },
                InetCmsg::PktInfoV6 { addr: six.into(), ifindex },
                InetCmsg::Ttl(n), InetCmsg::HopLimit(n), InetCmsg::TClass(n), InetCmsg::Tos(tos),
                InetCmsg::UdpSegment(seg), InetCmsg::UdpGro(seg),
            ] {
                prop_assert_eq!(round_trip(item), Some(item));
            }
        }

        #[test]
        fn any_bytes_parse(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = InetCmsg::parse(&bytes).count();
        }
    }
}
