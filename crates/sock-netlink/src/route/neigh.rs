//! Neighbours (the ARP and NDP caches): the `ndmsg` header [`NdMsg`], the decoded message
//! [`Neighbour`] and the names of its state ([`NeighState`]).

use std::fmt;
use std::io;
use std::net::IpAddr;

use super::consts::*;
use crate::consts::{NLM_F_DUMP, NLM_F_REQUEST};
use crate::msg::{invalid_data, NlAttrIter, NlMsg, NlMsgBuilder};
use crate::NetlinkSocket;
use sock_core::MacAddr;

/// `struct ndmsg`: the family header of `RTM_*NEIGH` messages (12 bytes).
///
/// ```
/// use sock::netlink::route::{NdMsg, NUD_REACHABLE};
/// let m = NdMsg { family: sock::consts::AF_INET as u8, index: 2, state: NUD_REACHABLE, ..Default::default() };
/// assert_eq!(NdMsg::from_bytes(&m.to_bytes()), Some(m));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct NdMsg {
    /// `ndm_family`: `AF_INET`, `AF_INET6` (or `AF_BRIDGE` for forwarding entries).
    pub family: u8,
    /// `ndm_ifindex`: the interface index (an `int` in the kernel, `u32` here as everywhere).
    pub index: u32,
    /// `ndm_state`: `NUD_*` ([`NeighState`]).
    pub state: u16,
    /// `ndm_flags`: `NTF_*`.
    pub flags: u8,
    /// `ndm_type`: `RTN_*`.
    pub ty: u8,
}

impl NdMsg {
    /// The size of the struct on the wire.
    pub const LEN: usize = 12;

    /// The 12 bytes of the struct.
    ///
    /// ```
    /// use sock::netlink::route::NdMsg;
    /// assert_eq!(NdMsg { index: 5, ..Default::default() }.to_bytes()[4..8], 5u32.to_ne_bytes());
    /// ```
    pub fn to_bytes(&self) -> [u8; Self::LEN] {
        let mut b = [0u8; Self::LEN];
        b[0] = self.family;
        b[4..8].copy_from_slice(&self.index.to_ne_bytes());
        b[8..10].copy_from_slice(&self.state.to_ne_bytes());
        b[10] = self.flags;
        b[11] = self.ty;
        b
    }

    /// The struct at the start of `bytes`, or `None` if it is too short.
    ///
    /// ```
    /// use sock::netlink::route::NdMsg;
    /// assert_eq!(NdMsg::from_bytes(&[0; 11]), None);
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let b: &[u8; Self::LEN] = bytes.get(..Self::LEN)?.try_into().ok()?;
        Some(NdMsg {
            family: b[0],
            index: u32::from_ne_bytes([b[4], b[5], b[6], b[7]]),
            state: u16::from_ne_bytes([b[8], b[9]]),
            flags: b[10],
            ty: b[11],
        })
    }

    /// The `NDA_*` attributes that follow the struct in a message payload.
    ///
    /// ```
    /// use sock::netlink::route::NdMsg;
    /// assert_eq!(NdMsg::attrs(&[0; 12]).count(), 0);
    /// ```
    pub fn attrs(payload: &[u8]) -> NlAttrIter<'_> {
        NlAttrIter::new(payload.get(Self::LEN..).unwrap_or(&[]))
    }
}

/// The `NUD_*` state bits of a neighbour entry. `Display` writes them as `ip neigh` does:
/// `REACHABLE`, `STALE`, `PERMANENT`..., several separated by spaces, `NONE` for 0.
///
/// ```
/// use sock::netlink::route::{NeighState, NUD_NOARP, NUD_STALE};
/// assert_eq!(NeighState(NUD_STALE).to_string(), "STALE");
/// assert_eq!(NeighState(NUD_NOARP).to_string(), "NOARP");
/// assert_eq!(NeighState(0).to_string(), "NONE");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct NeighState(pub u16);

const STATE_NAMES: [(u16, &str); 8] = [
    (NUD_INCOMPLETE, "INCOMPLETE"),
    (NUD_REACHABLE, "REACHABLE"),
    (NUD_STALE, "STALE"),
    (NUD_DELAY, "DELAY"),
    (NUD_PROBE, "PROBE"),
    (NUD_FAILED, "FAILED"),
    (NUD_NOARP, "NOARP"),
    (NUD_PERMANENT, "PERMANENT"),
];

impl fmt::Display for NeighState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == NUD_NONE {
            return f.write_str("NONE");
        }
        let mut rest = self.0;
        let mut sep = "";
        for (bit, name) in STATE_NAMES {
            if rest & bit != 0 {
                write!(f, "{sep}{name}")?;
                sep = " ";
                rest &= !bit;
            }
        }
        if rest != 0 {
            write!(f, "{sep}{rest:#x}")?;
        }
        Ok(())
    }
}

/// One neighbour (ARP or NDP cache) entry as an `RTM_NEWNEIGH` message describes it: what
/// `ip neigh` shows.
///
/// ```
/// use sock::netlink::{consts::NETLINK_ROUTE, route::Neighbour, NetlinkSocket};
/// // `ip neigh`: `addr dev name [lladdr mac] [router] STATE`.
/// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
/// for n in Neighbour::dump(&nl, sock::consts::AF_UNSPEC)? {
///     let Some(dst) = n.dst else { continue };
///     let mut line = format!("{dst} dev {}", sock::if_indextoname(n.index)?);
///     if let Some(mac) = n.lladdr { line += &format!(" lladdr {mac}"); }
///     if n.is_router() { line += " router"; }
///     println!("{line} {}", n.state);
/// }
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Neighbour {
    /// The address family, `AF_INET` or `AF_INET6`.
    pub family: u8,
    /// The interface index.
    pub index: u32,
    /// The neighbour's network address (`NDA_DST`).
    pub dst: Option<IpAddr>,
    /// The neighbour's hardware address (`NDA_LLADDR`) when it is 6 bytes.
    pub lladdr: Option<MacAddr>,
    /// The `NUD_*` state.
    pub state: NeighState,
    /// The `NTF_*` flags.
    pub flags: u8,
}

impl Neighbour {
    /// Decodes an `RTM_NEWNEIGH` (or `RTM_DELNEIGH`) message. A short payload or an
    /// `NDA_DST` of the wrong size is `InvalidData`.
    ///
    /// ```
    /// use sock::netlink::{msg::{NlMsgBuilder, NlMsgIter}, route::{NdMsg, Neighbour, NDA_DST, NDA_LLADDR, NUD_REACHABLE, RTM_NEWNEIGH}};
    /// let mut b = NlMsgBuilder::new(RTM_NEWNEIGH, 0);
    /// b.push_struct(&NdMsg { family: sock::consts::AF_INET as u8, index: 2, state: NUD_REACHABLE, ..Default::default() }.to_bytes());
    /// b.push_attr(NDA_DST, &[192, 0, 2, 1])?.push_attr(NDA_LLADDR, &[2, 0, 0, 0, 0, 1])?;
    /// let bytes = b.into_bytes();
    /// let n = Neighbour::parse(&NlMsgIter::new(&bytes).next().unwrap()?)?;
    /// assert_eq!(format!("{} lladdr {} {}", n.dst.unwrap(), n.lladdr.unwrap(), n.state), "192.0.2.1 lladdr 02:00:00:00:00:01 REACHABLE");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn parse(msg: &NlMsg<'_>) -> io::Result<Neighbour> {
        let hdr = NdMsg::from_bytes(msg.payload).ok_or_else(|| invalid_data("RTM_NEWNEIGH shorter than ndmsg"))?;
        let mut n = Neighbour {
            family: hdr.family,
            index: hdr.index,
            state: NeighState(hdr.state),
            flags: hdr.flags,
            ..Neighbour::default()
        };
        for attr in msg.attrs(NdMsg::LEN) {
            match attr.ty {
                NDA_DST => n.dst = Some(attr.as_ip(hdr.family)?),
                NDA_LLADDR => n.lladdr = attr.as_mac().ok(),
                _ => {}
            }
        }
        Ok(n)
    }

    /// Whether the neighbour is an IPv6 router (`NTF_ROUTER`).
    ///
    /// ```
    /// use sock::netlink::route::{Neighbour, NTF_ROUTER};
    /// assert!(Neighbour { flags: NTF_ROUTER, ..Default::default() }.is_router());
    /// ```
    pub fn is_router(&self) -> bool {
        self.flags & NTF_ROUTER != 0
    }

    /// The `RTM_GETNEIGH` dump request for `family` (`AF_UNSPEC` for all, `AF_INET`, `AF_INET6`).
    ///
    /// ```
    /// use sock::netlink::route::{Neighbour, RTM_GETNEIGH};
    /// assert_eq!(Neighbour::dump_request(sock::consts::AF_UNSPEC).header().ty, RTM_GETNEIGH);
    /// ```
    pub fn dump_request(family: impl Into<sock_core::Family>) -> NlMsgBuilder {
        let mut req = NlMsgBuilder::new(RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP);
        let family = family.into().raw() as u8;
        req.push_struct(&NdMsg { family, ..Default::default() }.to_bytes());
        req
    }

    /// Every neighbour entry of `family` in the socket's network namespace: `ip neigh`. See
    /// the example on [`Neighbour`].
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::Neighbour, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// let v6 = Neighbour::dump(&nl, sock::consts::AF_INET6)?;
    /// assert!(v6.iter().all(|n| n.family == sock::consts::AF_INET6 as u8 && n.index > 0));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn dump(nl: &NetlinkSocket, family: impl Into<sock_core::Family>) -> io::Result<Vec<Neighbour>> {
        let mut out = Vec::new();
        nl.dump(Self::dump_request(family), |msg| {
            out.push(Neighbour::parse(&msg)?);
            Ok(())
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn states_print_as_ip_does() {
        assert_eq!(NeighState(NUD_PERMANENT).to_string(), "PERMANENT");
        assert_eq!(NeighState(NUD_STALE | NUD_PROBE).to_string(), "STALE PROBE");
        assert_eq!(NeighState(0x8000).to_string(), "0x8000");
    }

    proptest! {
        #[test]
        fn header_round_trips(family in any::<u8>(), index in any::<u32>(), state in any::<u16>(), flags in any::<u8>(), ty in any::<u8>()) {
            let m = NdMsg { family, index, state, flags, ty };
            prop_assert_eq!(NdMsg::from_bytes(&m.to_bytes()), Some(m));
        }

        #[test]
        fn any_payload_parses_or_errs(payload in proptest::collection::vec(any::<u8>(), 0..128)) {
            if let Ok(n) = Neighbour::parse(&NlMsg { header: Default::default(), payload: &payload }) {
                let _ = n.state.to_string();
            }
            let _ = NdMsg::attrs(&payload).count();
        }
    }
}
