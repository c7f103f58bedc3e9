//! Routes: the `rtmsg` header [`RtMsg`] and the decoded message [`Route`].

use std::io;
use std::net::IpAddr;

use super::consts::*;
use crate::consts::{NLM_F_DUMP, NLM_F_REQUEST};
use crate::msg::{invalid_data, NlAttrIter, NlMsg, NlMsgBuilder};
use crate::NetlinkSocket;

/// `struct rtmsg`: the family header of `RTM_*ROUTE` messages (12 bytes).
///
/// ```
/// use sock::netlink::route::{RtMsg, RT_SCOPE_LINK};
/// let m = RtMsg { family: sock::consts::AF_INET as u8, dst_len: 24, scope: RT_SCOPE_LINK, ..Default::default() };
/// assert_eq!(RtMsg::from_bytes(&m.to_bytes()), Some(m));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RtMsg {
    /// `rtm_family`: `AF_INET` or `AF_INET6`.
    pub family: u8,
    /// `rtm_dst_len`: the destination prefix length in bits (0 for the default route).
    pub dst_len: u8,
    /// `rtm_src_len`: the source prefix length in bits.
    pub src_len: u8,
    /// `rtm_tos`: the TOS to match.
    pub tos: u8,
    /// `rtm_table`: the routing table, `RT_TABLE_*` ([`RT_TABLE_COMPAT`] when the id is
    /// above 255: read `RTA_TABLE`).
    pub table: u8,
    /// `rtm_protocol`: who installed the route, `RTPROT_*`.
    pub protocol: u8,
    /// `rtm_scope`: `RT_SCOPE_*`.
    pub scope: u8,
    /// `rtm_type`: `RTN_*`.
    pub ty: u8,
    /// `rtm_flags`: `RTM_F_*`.
    pub flags: u32,
}

impl RtMsg {
    /// The size of the struct on the wire.
    pub const LEN: usize = 12;

    /// The 12 bytes of the struct.
    ///
    /// ```
    /// use sock::netlink::route::RtMsg;
    /// assert_eq!(RtMsg { dst_len: 8, ..Default::default() }.to_bytes()[1], 8);
    /// ```
    pub fn to_bytes(&self) -> [u8; Self::LEN] {
        let mut b = [
            self.family,
            self.dst_len,
            self.src_len,
            self.tos,
            self.table,
            self.protocol,
            self.scope,
            self.ty,
            0,
            0,
            0,
            0,
        ];
        b[8..12].copy_from_slice(&self.flags.to_ne_bytes());
        b
    }

    /// The struct at the start of `bytes`, or `None` if it is too short.
    ///
    /// ```
    /// use sock::netlink::route::RtMsg;
    /// assert_eq!(RtMsg::from_bytes(&[0; 11]), None);
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let b: &[u8; Self::LEN] = bytes.get(..Self::LEN)?.try_into().ok()?;
        Some(RtMsg {
            family: b[0],
            dst_len: b[1],
            src_len: b[2],
            tos: b[3],
            table: b[4],
            protocol: b[5],
            scope: b[6],
            ty: b[7],
            flags: u32::from_ne_bytes([b[8], b[9], b[10], b[11]]),
        })
    }

    /// The `RTA_*` attributes that follow the struct in a message payload.
    ///
    /// ```
    /// use sock::netlink::route::RtMsg;
    /// assert_eq!(RtMsg::attrs(&[0; 12]).count(), 0);
    /// ```
    pub fn attrs(payload: &[u8]) -> NlAttrIter<'_> {
        NlAttrIter::new(payload.get(Self::LEN..).unwrap_or(&[]))
    }
}

/// One route as an `RTM_NEWROUTE` message describes it: what `ip route` shows.
///
/// ```
/// use sock::netlink::{consts::NETLINK_ROUTE, route::{Route, RT_TABLE_LOCAL, RT_TABLE_MAIN, RTPROT_KERNEL}, NetlinkSocket};
/// // `ip route`: the main table, `dst [via gw] dev name [proto kernel] [src a] [metric n]`.
/// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
/// for r in Route::dump(&nl, sock::consts::AF_INET)?.iter().filter(|r| r.table == RT_TABLE_MAIN) {
///     let mut line = r.destination();
///     if let Some(gw) = r.gateway { line += &format!(" via {gw}"); }
///     if let Some(dev) = r.oif { line += &format!(" dev {}", sock::if_indextoname(dev)?); }
///     if r.protocol == RTPROT_KERNEL { line += " proto kernel"; }
///     if let Some(src) = r.prefsrc { line += &format!(" src {src}"); }
///     if let Some(metric) = r.priority { line += &format!(" metric {metric}"); }
///     println!("{line}");
/// }
/// // The local table holds 127.0.0.1 once lo is up (`ip route show table local`).
/// let local = Route::dump(&nl, sock::consts::AF_INET)?;
/// # if local.iter().any(|r| r.table == RT_TABLE_LOCAL) {
/// assert!(local.iter().any(|r| r.table == RT_TABLE_LOCAL && r.destination() == "127.0.0.1"));
/// # }
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    /// The address family, `AF_INET` or `AF_INET6`.
    pub family: u8,
    /// The destination prefix (`RTA_DST`); `None` with `dst_len` 0 is the default route.
    pub dst: Option<IpAddr>,
    /// The destination prefix length in bits.
    pub dst_len: u8,
    /// The next hop (`RTA_GATEWAY`, `ip route`'s `via`).
    pub gateway: Option<IpAddr>,
    /// The output interface index (`RTA_OIF`, `ip route`'s `dev`).
    pub oif: Option<u32>,
    /// The preferred source address (`RTA_PREFSRC`, `ip route`'s `src`).
    pub prefsrc: Option<IpAddr>,
    /// The metric (`RTA_PRIORITY`, `ip route`'s `metric`).
    pub priority: Option<u32>,
    /// The routing table id (`RTA_TABLE`, else the header's): [`RT_TABLE_MAIN`], [`RT_TABLE_LOCAL`]...
    pub table: u32,
    /// Who installed it, `RTPROT_*`.
    pub protocol: u8,
    /// The scope, `RT_SCOPE_*`.
    pub scope: u8,
    /// The type, `RTN_*` ([`RTN_UNICAST`], [`RTN_LOCAL`]...).
    pub ty: u8,
}

impl Route {
    /// Decodes an `RTM_NEWROUTE` (or `RTM_DELROUTE`) message. A short payload or a known
    /// attribute of the wrong size is `InvalidData`; unknown attributes are skipped.
    ///
    /// ```
    /// use sock::netlink::{msg::{NlMsgBuilder, NlMsgIter}, route::{Route, RtMsg, RTA_GATEWAY, RTM_NEWROUTE}};
    /// let mut b = NlMsgBuilder::new(RTM_NEWROUTE, 0);
    /// b.push_struct(&RtMsg { family: sock::consts::AF_INET as u8, ..Default::default() }.to_bytes());
    /// b.push_attr(RTA_GATEWAY, &[192, 0, 2, 1])?;
    /// let bytes = b.into_bytes();
    /// let r = Route::parse(&NlMsgIter::new(&bytes).next().unwrap()?)?;
    /// assert_eq!((r.destination(), r.gateway.unwrap().to_string()), ("default".to_owned(), "192.0.2.1".to_owned()));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn parse(msg: &NlMsg<'_>) -> io::Result<Route> {
        let hdr = RtMsg::from_bytes(msg.payload).ok_or_else(|| invalid_data("RTM_NEWROUTE shorter than rtmsg"))?;
        let mut r = Route {
            family: hdr.family,
            dst_len: hdr.dst_len,
            table: u32::from(hdr.table),
            protocol: hdr.protocol,
            scope: hdr.scope,
            ty: hdr.ty,
            ..Route::default()
        };
        for attr in msg.attrs(RtMsg::LEN) {
            match attr.ty {
                RTA_DST => r.dst = Some(attr.as_ip(hdr.family)?),
                RTA_GATEWAY => r.gateway = Some(attr.as_ip(hdr.family)?),
                RTA_PREFSRC => r.prefsrc = Some(attr.as_ip(hdr.family)?),
                RTA_OIF => r.oif = Some(attr.as_u32()?),
                RTA_PRIORITY => r.priority = Some(attr.as_u32()?),
                RTA_TABLE => r.table = attr.as_u32()?,
                _ => {}
            }
        }
        Ok(r)
    }

    /// The destination as `ip route` writes it: `default`, `10.0.0.0/24`, or a host address
    /// without `/32` (`/128`).
    ///
    /// ```
    /// use sock::netlink::route::Route;
    /// let r = Route { dst: Some("10.0.0.0".parse().unwrap()), dst_len: 8, ..Default::default() };
    /// assert_eq!(r.destination(), "10.0.0.0/8");
    /// assert_eq!(Route::default().destination(), "default");
    /// ```
    pub fn destination(&self) -> String {
        match self.dst {
            None => "default".to_owned(),
            Some(dst) if (dst.is_ipv4() && self.dst_len == 32) || (dst.is_ipv6() && self.dst_len == 128) => {
                dst.to_string()
            }
            Some(dst) => format!("{dst}/{}", self.dst_len),
        }
    }

    /// The `RTM_GETROUTE` dump request for `family` (`AF_UNSPEC` for all, `AF_INET`,
    /// `AF_INET6`): the routes of every table.
    ///
    /// ```
    /// use sock::netlink::route::{Route, RTM_GETROUTE};
    /// assert_eq!(Route::dump_request(sock::consts::AF_INET).header().ty, RTM_GETROUTE);
    /// ```
    pub fn dump_request(family: impl Into<sock_core::Family>) -> NlMsgBuilder {
        let mut req = NlMsgBuilder::new(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP);
        let family = family.into().raw() as u8;
        req.push_struct(&RtMsg { family, ..Default::default() }.to_bytes());
        req
    }

    /// Every route of `family` in every table (filter on [`Route::table`]: `ip route` shows
    /// [`RT_TABLE_MAIN`]). See the example on [`Route`].
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::{Route, RT_TABLE_LOCAL}, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// let lo = sock::if_nametoindex("lo")?;
    /// let routes = Route::dump(&nl, sock::consts::AF_INET)?;
    /// // The kernel's local table routes 127.0.0.0/8 to lo.
    /// assert!(routes.iter().any(|r| r.table == RT_TABLE_LOCAL && r.oif == Some(lo) && r.dst_len == 8));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn dump(nl: &NetlinkSocket, family: impl Into<sock_core::Family>) -> io::Result<Vec<Route>> {
        let mut routes = Vec::new();
        nl.dump(Self::dump_request(family), |msg| {
            routes.push(Route::parse(&msg)?);
            Ok(())
        })?;
        Ok(routes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn header_round_trips(b in any::<[u8; 8]>(), flags in any::<u32>()) {
            let m = RtMsg { family: b[0], dst_len: b[1], src_len: b[2], tos: b[3], table: b[4], protocol: b[5], scope: b[6], ty: b[7], flags };
            prop_assert_eq!(RtMsg::from_bytes(&m.to_bytes()), Some(m));
        }

        #[test]
        fn any_payload_parses_or_errs(payload in proptest::collection::vec(any::<u8>(), 0..128)) {
            if let Ok(r) = Route::parse(&NlMsg { header: Default::default(), payload: &payload }) {
                let _ = r.destination();
            }
            let _ = RtMsg::attrs(&payload).count();
        }
    }
}
