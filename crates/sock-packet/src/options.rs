//! Typed values of the `PACKET_*` socket options: [`Membership`] (`PACKET_ADD_MEMBERSHIP`),
//! [`Fanout`] (`PACKET_FANOUT`), [`TpacketStats`] (`PACKET_STATISTICS`) and the
//! [`AuxData`] ancillary item (`PACKET_AUXDATA`).

use std::io;

use sock_core::cmsg::{Cmsg, DecodeCmsg};
use sock_core::invalid_input;

use crate::consts::{
    PACKET_AUXDATA, PACKET_MR_ALLMULTI, PACKET_MR_MULTICAST, PACKET_MR_PROMISC, PACKET_MR_UNICAST, SOL_PACKET,
    TP_STATUS_VLAN_VALID,
};
use crate::hwaddr::HwAddr;

/// What a `PACKET_ADD_MEMBERSHIP` asks of an interface; dropped with the socket or with
/// `PACKET_DROP_MEMBERSHIP` ([`PacketSocket::add_membership`](crate::PacketSocket::add_membership)).
///
/// ```no_run
/// use sock::packet::{HwAddr, Membership, PacketSocket, ETH_P_ALL};
/// let sock = PacketSocket::raw(ETH_P_ALL)?;
/// let ifindex = sock.if_index("eth0")?;
/// sock.add_membership(ifindex, Membership::Multicast(HwAddr::ether([0x01, 0x00, 0x5e, 0, 0, 1])))?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Membership {
    /// `PACKET_MR_PROMISC`: promiscuous mode — frames for other hosts arrive too.
    Promisc,
    /// `PACKET_MR_ALLMULTI`: every multicast frame.
    AllMulti,
    /// `PACKET_MR_MULTICAST`: frames to this link-layer multicast address (up to 8 bytes).
    Multicast(HwAddr),
    /// `PACKET_MR_UNICAST`: frames to this extra unicast address (up to 8 bytes).
    Unicast(HwAddr),
}

/// `sizeof(struct packet_mreq)`.
pub(crate) const PACKET_MREQ_LEN: usize = 16;

impl Membership {
    /// `struct packet_mreq { int mr_ifindex; unsigned short mr_type, mr_alen; unsigned char
    /// mr_address[8]; }` for interface `ifindex`. Fails with `InvalidInput` for an address
    /// longer than the 8 bytes the struct holds.
    pub(crate) fn to_mreq(self, ifindex: u32) -> io::Result<[u8; PACKET_MREQ_LEN]> {
        let (ty, addr) = match self {
            Membership::Promisc => (PACKET_MR_PROMISC, HwAddr::EMPTY),
            Membership::AllMulti => (PACKET_MR_ALLMULTI, HwAddr::EMPTY),
            Membership::Multicast(a) => (PACKET_MR_MULTICAST, a),
            Membership::Unicast(a) => (PACKET_MR_UNICAST, a),
        };
        if addr.len() > 8 {
            return Err(invalid_input("hwaddr", "a membership address must be 8 bytes or less"));
        }
        let mut b = [0u8; PACKET_MREQ_LEN];
        b[0..4].copy_from_slice(&(ifindex as i32).to_ne_bytes());
        b[4..6].copy_from_slice(&ty.to_ne_bytes());
        b[6..8].copy_from_slice(&(addr.len() as u16).to_ne_bytes());
        b[8..8 + addr.len()].copy_from_slice(addr.as_bytes());
        Ok(b)
    }
}

/// A `PACKET_FANOUT` group: sockets of one process that join the same `id` share the frames
/// they would each receive, spread by `mode`.
///
/// ```
/// use sock::packet::{Fanout, PACKET_FANOUT_LB, PACKET_FANOUT_FLAG_DEFRAG};
/// let f = Fanout::new(7, PACKET_FANOUT_LB).with_flags(PACKET_FANOUT_FLAG_DEFRAG);
/// assert_eq!(Fanout::from_raw(f.to_raw()), f);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fanout {
    /// The group id (per network namespace).
    pub id: u16,
    /// `PACKET_FANOUT_HASH`, `_LB`, `_CPU`, `_ROLLOVER`, `_RND`, `_QM`, `_CBPF`, `_EBPF`.
    pub mode: u16,
    /// `PACKET_FANOUT_FLAG_*` bits.
    pub flags: u16,
}

impl Fanout {
    /// Group `id` with `mode` and no flags.
    ///
    /// ```
    /// use sock::packet::{Fanout, PACKET_FANOUT_HASH};
    /// let f = Fanout::new(7, PACKET_FANOUT_HASH);
    /// assert_eq!((f.id, f.mode, f.flags), (7, PACKET_FANOUT_HASH, 0));
    /// ```
    pub const fn new(id: u16, mode: u16) -> Self {
        Fanout { id, mode, flags: 0 }
    }

    /// This group with `flags` (`PACKET_FANOUT_FLAG_*`).
    ///
    /// ```
    /// use sock::packet::{Fanout, PACKET_FANOUT_FLAG_DEFRAG, PACKET_FANOUT_FLAG_ROLLOVER, PACKET_FANOUT_LB};
    /// let f = Fanout::new(7, PACKET_FANOUT_LB).with_flags(PACKET_FANOUT_FLAG_ROLLOVER | PACKET_FANOUT_FLAG_DEFRAG);
    /// assert_eq!(f.flags, 0x9000);
    /// ```
    pub const fn with_flags(mut self, flags: u16) -> Self {
        self.flags = flags;
        self
    }

    /// The option's `int`: id in the low 16 bits, mode and flags in the high 16.
    ///
    /// ```
    /// use sock::packet::{Fanout, PACKET_FANOUT_CPU, PACKET_FANOUT_FLAG_ROLLOVER};
    /// let f = Fanout::new(0x1234, PACKET_FANOUT_CPU).with_flags(PACKET_FANOUT_FLAG_ROLLOVER);
    /// assert_eq!(f.to_raw(), 0x1002_1234);
    /// ```
    pub const fn to_raw(self) -> u32 {
        self.id as u32 | ((self.mode | self.flags) as u32) << 16
    }

    /// Splits the option's `int` (modes are the low 12 bits of the high half, flags the rest).
    ///
    /// ```
    /// use sock::packet::{Fanout, PACKET_FANOUT_FLAG_DEFRAG, PACKET_FANOUT_LB};
    /// assert_eq!(Fanout::from_raw(0x8001_0007), Fanout::new(7, PACKET_FANOUT_LB).with_flags(PACKET_FANOUT_FLAG_DEFRAG));
    /// ```
    pub const fn from_raw(raw: u32) -> Self {
        let high = (raw >> 16) as u16;
        Fanout { id: raw as u16, mode: high & 0x0fff, flags: high & 0xf000 }
    }
}

/// `struct tpacket_stats`, read (and reset) by `PACKET_STATISTICS`
/// ([`PacketSocket::statistics`](crate::PacketSocket::statistics)).
///
/// ```
/// let mut raw = [0u8; 8];
/// raw[..4].copy_from_slice(&10u32.to_ne_bytes());
/// raw[4..].copy_from_slice(&2u32.to_ne_bytes());
/// let stats = sock::packet::TpacketStats::from_bytes(&raw).unwrap();
/// assert_eq!((stats.packets, stats.drops), (10, 2));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TpacketStats {
    /// `tp_packets`: frames that reached the socket since the last read, dropped ones included.
    pub packets: u32,
    /// `tp_drops`: frames dropped for lack of buffer space since the last read.
    pub drops: u32,
}

impl TpacketStats {
    /// The size of the struct.
    pub(crate) const LEN: usize = 8;

    /// Decodes the struct from the bytes `getsockopt` returned (`None` if too short).
    ///
    /// ```
    /// use sock::packet::TpacketStats;
    /// assert_eq!(TpacketStats::from_bytes(&[0; 7]), None);
    /// assert_eq!(TpacketStats::from_bytes(&[0; 8]), Some(TpacketStats { packets: 0, drops: 0 }));
    /// ```
    pub fn from_bytes(b: &[u8]) -> Option<Self> {
        let b: &[u8; 8] = b.get(..Self::LEN)?.try_into().ok()?;
        Some(TpacketStats {
            packets: u32::from_ne_bytes([b[0], b[1], b[2], b[3]]),
            drops: u32::from_ne_bytes([b[4], b[5], b[6], b[7]]),
        })
    }
}

/// `struct tpacket_auxdata`: what the kernel knows of a received frame beyond its bytes,
/// delivered as a `SOL_PACKET`/`PACKET_AUXDATA` control message once `PACKET_AUXDATA` is on
/// ([`PacketSocket::recv_with_auxdata`](crate::PacketSocket::recv_with_auxdata)). Decode it
/// from any received item with `cmsg.decode::<AuxData>()`.
///
/// Lengths and offsets are `usize` (the kernel's `__u32`/`__u16`, widened).
///
/// ```
/// use sock::cmsg::{CmsgIter, CmsgWriter};
/// use sock::packet::{AuxData, PACKET_AUXDATA, SOL_PACKET, TP_STATUS_VLAN_VALID};
/// let aux = AuxData { status: TP_STATUS_VLAN_VALID, len: 60, snaplen: 60, mac: 0, net: 14, vlan_tci: 5, vlan_tpid: 0x8100 };
/// let mut buf = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut buf);
/// w.push(SOL_PACKET, PACKET_AUXDATA, &aux.to_bytes())?;
/// let len = w.len();
/// let got = CmsgIter::new(&buf[..len]).find_map(|c| c.decode::<AuxData>());
/// assert_eq!(got, Some(aux));
/// assert_eq!(aux.vlan_tci(), Some(5));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct AuxData {
    /// `tp_status`: `TP_STATUS_*` bits (`TP_STATUS_VLAN_VALID`, `TP_STATUS_CSUM_VALID`...).
    pub status: u32,
    /// `tp_len`: the frame's length on the wire, in bytes.
    pub len: usize,
    /// `tp_snaplen`: the bytes captured.
    pub snaplen: usize,
    /// `tp_mac`: offset in bytes of the link-layer header.
    pub mac: usize,
    /// `tp_net`: offset in bytes of the network header.
    pub net: usize,
    /// `tp_vlan_tci`: the VLAN tag the device stripped (valid with `TP_STATUS_VLAN_VALID`).
    pub vlan_tci: u16,
    /// `tp_vlan_tpid`: the VLAN protocol (valid with `TP_STATUS_VLAN_TPID_VALID`).
    pub vlan_tpid: u16,
}

impl AuxData {
    /// `sizeof(struct tpacket_auxdata)`.
    pub const LEN: usize = 20;

    /// Decodes a control message's data (`None` if shorter than the struct); the same as
    /// `cmsg.decode::<AuxData>()` without the level and type check.
    ///
    /// ```
    /// use sock::packet::AuxData;
    /// assert_eq!(AuxData::from_bytes(&[0; 19]), None);
    /// assert_eq!(AuxData::from_bytes(&[0; 20]), Some(AuxData::default()));
    /// ```
    pub fn from_bytes(b: &[u8]) -> Option<Self> {
        let b: &[u8; Self::LEN] = b.get(..Self::LEN)?.try_into().ok()?;
        let u32_at = |i: usize| u32::from_ne_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let u16_at = |i: usize| u16::from_ne_bytes([b[i], b[i + 1]]);
        let wide = |v: u32| usize::try_from(v).unwrap_or(usize::MAX);
        Some(AuxData {
            status: u32_at(0),
            len: wide(u32_at(4)),
            snaplen: wide(u32_at(8)),
            mac: usize::from(u16_at(12)),
            net: usize::from(u16_at(14)),
            vlan_tci: u16_at(16),
            vlan_tpid: u16_at(18),
        })
    }

    /// The bytes of the struct (for tests and for replaying captures). Values too large for
    /// the kernel's fields saturate.
    ///
    /// ```
    /// use sock::packet::AuxData;
    /// let aux = AuxData { len: 60, snaplen: 60, net: 14, ..AuxData::default() };
    /// assert_eq!(AuxData::from_bytes(&aux.to_bytes()), Some(aux));
    /// let big = AuxData { mac: 70_000, ..AuxData::default() }; // tp_mac is a __u16
    /// assert_eq!(AuxData::from_bytes(&big.to_bytes()).map(|a| a.mac), Some(65_535));
    /// ```
    pub fn to_bytes(&self) -> [u8; Self::LEN] {
        let narrow32 = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        let narrow16 = |v: usize| u16::try_from(v).unwrap_or(u16::MAX);
        let mut b = [0u8; Self::LEN];
        b[0..4].copy_from_slice(&self.status.to_ne_bytes());
        b[4..8].copy_from_slice(&narrow32(self.len).to_ne_bytes());
        b[8..12].copy_from_slice(&narrow32(self.snaplen).to_ne_bytes());
        b[12..14].copy_from_slice(&narrow16(self.mac).to_ne_bytes());
        b[14..16].copy_from_slice(&narrow16(self.net).to_ne_bytes());
        b[16..18].copy_from_slice(&self.vlan_tci.to_ne_bytes());
        b[18..20].copy_from_slice(&self.vlan_tpid.to_ne_bytes());
        b
    }

    /// The VLAN tag, if the device stripped one.
    ///
    /// ```
    /// use sock::packet::{AuxData, TP_STATUS_VLAN_VALID};
    /// let tagged = AuxData { status: TP_STATUS_VLAN_VALID, vlan_tci: 100, ..AuxData::default() };
    /// assert_eq!(tagged.vlan_tci(), Some(100));
    /// assert_eq!(AuxData { vlan_tci: 100, ..AuxData::default() }.vlan_tci(), None); // not valid
    /// ```
    pub fn vlan_tci(&self) -> Option<u16> {
        (self.status & TP_STATUS_VLAN_VALID != 0).then_some(self.vlan_tci)
    }
}

/// The family's decoder in sock-core's one ancillary model: `cmsg.decode::<AuxData>()`.
impl<'a> DecodeCmsg<'a> for AuxData {
    /// A `SOL_PACKET`/`PACKET_AUXDATA` item as `AuxData`; `None` for another level or type,
    /// or data shorter than the struct.
    fn decode_cmsg(item: &Cmsg<'a>) -> Option<AuxData> {
        if item.level != SOL_PACKET || item.ty != PACKET_AUXDATA {
            return None;
        }
        AuxData::from_bytes(item.data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::*;
    use proptest::prelude::*;

    #[test]
    fn mreq_layout() {
        let m = Membership::Multicast(HwAddr::ether([1, 0, 0x5e, 0, 0, 1])).to_mreq(4).unwrap();
        assert_eq!(&m[0..4], &4i32.to_ne_bytes());
        assert_eq!(&m[4..6], &PACKET_MR_MULTICAST.to_ne_bytes());
        assert_eq!(&m[6..8], &6u16.to_ne_bytes());
        assert_eq!(&m[8..16], &[1, 0, 0x5e, 0, 0, 1, 0, 0]);
        let long = Membership::Unicast(HwAddr::new(&[0; 9]).unwrap());
        assert_eq!(long.to_mreq(1).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn fanout_layout() {
        let f = Fanout::new(0x1234, PACKET_FANOUT_CPU).with_flags(PACKET_FANOUT_FLAG_ROLLOVER);
        assert_eq!(f.to_raw(), 0x1002_1234);
    }

    proptest! {
        #[test]
        fn auxdata_round_trips(bytes in any::<[u8; 20]>()) {
            let a = AuxData::from_bytes(&bytes).unwrap();
            prop_assert_eq!(a.to_bytes(), bytes);
        }

        #[test]
        fn auxdata_decodes_only_its_item(bytes in any::<[u8; 20]>(), ty in 0i32..12) {
            let item = Cmsg { level: SOL_PACKET, ty, data: &bytes, truncated: false };
            prop_assert_eq!(item.decode::<AuxData>().is_some(), ty == PACKET_AUXDATA);
            let other = Cmsg { level: 1, ty: PACKET_AUXDATA, data: &bytes, truncated: false };
            prop_assert_eq!(other.decode::<AuxData>(), None);
        }

        #[test]
        fn short_buffers_are_none(bytes in proptest::collection::vec(any::<u8>(), 0..20)) {
            prop_assert!(AuxData::from_bytes(&bytes).is_none());
            prop_assert_eq!(TpacketStats::from_bytes(&bytes).is_some(), bytes.len() >= 8);
        }

        #[test]
        fn fanout_round_trips(id in any::<u16>(), mode in 0u16..0x1000, flags in 0u16..16) {
            let f = Fanout::new(id, mode).with_flags(flags << 12);
            prop_assert_eq!(Fanout::from_raw(f.to_raw()), f);
        }
    }
}
