//! The parts of `rtnetlink` (`NETLINK_ROUTE`, `<linux/rtnetlink.h>`, `<linux/if_link.h>`,
//! `<linux/if_addr.h>`) that a program needs to list, create and watch interfaces and
//! addresses: message types, multicast groups, the `ifinfomsg`/`ifaddrmsg` family headers and
//! their common attribute numbers. Anything else is a number from the kernel headers away; the
//! [`crate::msg`] builder and iterators take any type.

#![allow(missing_docs)] // each constant is the Linux constant of the same name

use crate::msg::{align, NlAttrIter};

// Message types.
pub const RTM_NEWLINK: u16 = 16;
pub const RTM_DELLINK: u16 = 17;
pub const RTM_GETLINK: u16 = 18;
pub const RTM_SETLINK: u16 = 19;
pub const RTM_NEWADDR: u16 = 20;
pub const RTM_DELADDR: u16 = 21;
pub const RTM_GETADDR: u16 = 22;
pub const RTM_NEWROUTE: u16 = 24;
pub const RTM_DELROUTE: u16 = 25;
pub const RTM_GETROUTE: u16 = 26;
pub const RTM_NEWNEIGH: u16 = 28;
pub const RTM_DELNEIGH: u16 = 29;
pub const RTM_GETNEIGH: u16 = 30;

// Multicast group masks for `NetlinkAddr::groups` (legacy bit form).
pub const RTMGRP_LINK: u32 = 0x1;
pub const RTMGRP_NOTIFY: u32 = 0x2;
pub const RTMGRP_NEIGH: u32 = 0x4;
pub const RTMGRP_TC: u32 = 0x8;
pub const RTMGRP_IPV4_IFADDR: u32 = 0x10;
pub const RTMGRP_IPV4_MROUTE: u32 = 0x20;
pub const RTMGRP_IPV4_ROUTE: u32 = 0x40;
pub const RTMGRP_IPV4_RULE: u32 = 0x80;
pub const RTMGRP_IPV6_IFADDR: u32 = 0x100;
pub const RTMGRP_IPV6_MROUTE: u32 = 0x200;
pub const RTMGRP_IPV6_ROUTE: u32 = 0x400;
pub const RTMGRP_IPV6_IFINFO: u32 = 0x800;

// Group numbers for `NetlinkSocket::add_membership` (`enum rtnetlink_groups`).
pub const RTNLGRP_LINK: u32 = 1;
pub const RTNLGRP_NOTIFY: u32 = 2;
pub const RTNLGRP_NEIGH: u32 = 3;
pub const RTNLGRP_TC: u32 = 4;
pub const RTNLGRP_IPV4_IFADDR: u32 = 5;
pub const RTNLGRP_IPV4_ROUTE: u32 = 7;
pub const RTNLGRP_IPV6_IFADDR: u32 = 9;
pub const RTNLGRP_IPV6_ROUTE: u32 = 11;

// Link attributes (`IFLA_*`).
pub const IFLA_ADDRESS: u16 = 1;
pub const IFLA_BROADCAST: u16 = 2;
pub const IFLA_IFNAME: u16 = 3;
pub const IFLA_MTU: u16 = 4;
pub const IFLA_LINK: u16 = 5;
pub const IFLA_MASTER: u16 = 10;
pub const IFLA_TXQLEN: u16 = 13;
pub const IFLA_OPERSTATE: u16 = 16;
pub const IFLA_LINKINFO: u16 = 18;
pub const IFLA_NET_NS_PID: u16 = 19;
pub const IFLA_IFALIAS: u16 = 20;
pub const IFLA_PROMISCUITY: u16 = 30;
pub const IFLA_NET_NS_FD: u16 = 28;
// Inside IFLA_LINKINFO.
pub const IFLA_INFO_KIND: u16 = 1;
pub const IFLA_INFO_DATA: u16 = 2;
// Inside IFLA_INFO_DATA of a veth: the peer, an `ifinfomsg` followed by its own IFLA_* attributes.
pub const VETH_INFO_PEER: u16 = 1;

// Address attributes (`IFA_*`).
pub const IFA_ADDRESS: u16 = 1;
pub const IFA_LOCAL: u16 = 2;
pub const IFA_LABEL: u16 = 3;
pub const IFA_BROADCAST: u16 = 4;

// Interface flags of `ifinfomsg::flags`.
pub const IFF_UP: u32 = 0x1;
pub const IFF_BROADCAST: u32 = 0x2;
pub const IFF_LOOPBACK: u32 = 0x8;
pub const IFF_RUNNING: u32 = 0x40;
pub const IFF_PROMISC: u32 = 0x100;
pub const IFF_ALLMULTI: u32 = 0x200;
pub const IFF_MULTICAST: u32 = 0x1000;
pub const IFF_LOWER_UP: u32 = 0x10000;

/// `struct ifinfomsg`: the family header of `RTM_*LINK` messages (16 bytes).
///
/// ```
/// use sock_netlink::route::{IfInfoMsg, IFF_UP};
/// let up = IfInfoMsg { index: 3, flags: IFF_UP, change: IFF_UP, ..Default::default() };
/// assert_eq!(IfInfoMsg::from_bytes(&up.to_bytes()), Some(up));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct IfInfoMsg {
    /// `ifi_family` (`AF_UNSPEC` for links).
    pub family: u8,
    /// `ifi_type`: the `ARPHRD_*` hardware type.
    pub ty: u16,
    /// `ifi_index`: the interface index (0 in a request for "any" / "new").
    pub index: i32,
    /// `ifi_flags`: `IFF_*`.
    pub flags: u32,
    /// `ifi_change`: which flags a request changes.
    pub change: u32,
}

impl IfInfoMsg {
    /// The size of the struct on the wire.
    pub const LEN: usize = 16;

    /// The 16 bytes of the struct.
    pub fn to_bytes(&self) -> [u8; Self::LEN] {
        let mut b = [0u8; Self::LEN];
        b[0] = self.family;
        b[2..4].copy_from_slice(&self.ty.to_ne_bytes());
        b[4..8].copy_from_slice(&self.index.to_ne_bytes());
        b[8..12].copy_from_slice(&self.flags.to_ne_bytes());
        b[12..16].copy_from_slice(&self.change.to_ne_bytes());
        b
    }

    /// The struct at the start of `bytes` (a message payload), or `None` if it is too short.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let b: &[u8; Self::LEN] = bytes.get(..Self::LEN)?.try_into().ok()?;
        Some(IfInfoMsg {
            family: b[0],
            ty: u16::from_ne_bytes([b[2], b[3]]),
            index: i32::from_ne_bytes([b[4], b[5], b[6], b[7]]),
            flags: u32::from_ne_bytes([b[8], b[9], b[10], b[11]]),
            change: u32::from_ne_bytes([b[12], b[13], b[14], b[15]]),
        })
    }

    /// The `IFLA_*` attributes that follow the struct in a message payload.
    pub fn attrs(payload: &[u8]) -> NlAttrIter<'_> {
        NlAttrIter::new(payload.get(align(Self::LEN)..).unwrap_or(&[]))
    }
}

/// `struct ifaddrmsg`: the family header of `RTM_*ADDR` messages (8 bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct IfAddrMsg {
    /// `ifa_family`: `AF_INET` or `AF_INET6`.
    pub family: u8,
    /// `ifa_prefixlen`: the prefix length of the address.
    pub prefixlen: u8,
    /// `ifa_flags`: `IFA_F_*`.
    pub flags: u8,
    /// `ifa_scope`: `RT_SCOPE_*`.
    pub scope: u8,
    /// `ifa_index`: the interface index.
    pub index: u32,
}

impl IfAddrMsg {
    /// The size of the struct on the wire.
    pub const LEN: usize = 8;

    /// The 8 bytes of the struct.
    pub fn to_bytes(&self) -> [u8; Self::LEN] {
        let mut b = [self.family, self.prefixlen, self.flags, self.scope, 0, 0, 0, 0];
        b[4..8].copy_from_slice(&self.index.to_ne_bytes());
        b
    }

    /// The struct at the start of `bytes`, or `None` if it is too short.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let b: &[u8; Self::LEN] = bytes.get(..Self::LEN)?.try_into().ok()?;
        Some(IfAddrMsg {
            family: b[0],
            prefixlen: b[1],
            flags: b[2],
            scope: b[3],
            index: u32::from_ne_bytes([b[4], b[5], b[6], b[7]]),
        })
    }

    /// The `IFA_*` attributes that follow the struct in a message payload.
    pub fn attrs(payload: &[u8]) -> NlAttrIter<'_> {
        NlAttrIter::new(payload.get(Self::LEN..).unwrap_or(&[]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn values_match_libc() {
        assert_eq!(i32::from(RTM_GETLINK), i32::from(libc::RTM_GETLINK));
        assert_eq!(i32::from(RTM_NEWADDR), i32::from(libc::RTM_NEWADDR));
        assert_eq!(RTMGRP_LINK as i32, libc::RTMGRP_LINK);
        assert_eq!(IFF_PROMISC as i32, libc::IFF_PROMISC);
        assert_eq!(IFF_LOWER_UP as i32, libc::IFF_LOWER_UP);
    }

    proptest! {
        #[test]
        fn headers_round_trip(family in any::<u8>(), ty in any::<u16>(), index in any::<i32>(), flags in any::<u32>(), change in any::<u32>(), p in any::<u8>(), s in any::<u8>()) {
            let m = IfInfoMsg { family, ty, index, flags, change };
            prop_assert_eq!(IfInfoMsg::from_bytes(&m.to_bytes()), Some(m));
            let a = IfAddrMsg { family, prefixlen: p, flags: s, scope: p ^ s, index: flags };
            prop_assert_eq!(IfAddrMsg::from_bytes(&a.to_bytes()), Some(a));
        }

        #[test]
        fn short_payloads_are_none(bytes in proptest::collection::vec(any::<u8>(), 0..16)) {
            prop_assert!(IfInfoMsg::from_bytes(&bytes).is_none());
            let _ = IfAddrMsg::from_bytes(&bytes);
            let _ = IfInfoMsg::attrs(&bytes).count();
            let _ = IfAddrMsg::attrs(&bytes).count();
        }
    }
}
