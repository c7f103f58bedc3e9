//! Interface addresses: the `ifaddrmsg` header [`IfAddrMsg`] and the decoded message
//! [`Address`].

use std::fmt;
use std::io;
use std::net::IpAddr;

use super::consts::*;
use crate::consts::{NLM_F_DUMP, NLM_F_REQUEST};
use crate::msg::{invalid_data, NlAttrIter, NlMsg, NlMsgBuilder};
use crate::NetlinkSocket;

/// `struct ifaddrmsg`: the family header of `RTM_*ADDR` messages (8 bytes).
///
/// ```
/// use sock::netlink::route::IfAddrMsg;
/// let m = IfAddrMsg { family: sock::consts::AF_INET as u8, prefixlen: 8, index: 1, ..Default::default() };
/// assert_eq!(IfAddrMsg::from_bytes(&m.to_bytes()), Some(m));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct IfAddrMsg {
    /// `ifa_family`: `AF_INET` or `AF_INET6`.
    pub family: u8,
    /// `ifa_prefixlen`: the prefix length of the address, in bits.
    pub prefixlen: u8,
    /// `ifa_flags`: the low 8 bits of the `IFA_F_*` flags (all of them are in `IFA_FLAGS`).
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
    ///
    /// ```
    /// use sock::netlink::route::IfAddrMsg;
    /// assert_eq!(IfAddrMsg { prefixlen: 24, ..Default::default() }.to_bytes()[1], 24);
    /// ```
    pub fn to_bytes(&self) -> [u8; Self::LEN] {
        let mut b = [self.family, self.prefixlen, self.flags, self.scope, 0, 0, 0, 0];
        b[4..8].copy_from_slice(&self.index.to_ne_bytes());
        b
    }

    /// The struct at the start of `bytes`, or `None` if it is too short.
    ///
    /// ```
    /// use sock::netlink::route::IfAddrMsg;
    /// assert_eq!(IfAddrMsg::from_bytes(&[0; 7]), None);
    /// ```
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
    ///
    /// ```
    /// use sock::netlink::route::IfAddrMsg;
    /// assert_eq!(IfAddrMsg::attrs(&[0; 8]).count(), 0);
    /// ```
    pub fn attrs(payload: &[u8]) -> NlAttrIter<'_> {
        NlAttrIter::new(payload.get(Self::LEN..).unwrap_or(&[]))
    }
}

/// One interface address as an `RTM_NEWADDR` message describes it: what `ip addr` shows.
/// `Display` writes `address/prefix` (`127.0.0.1/8`), as `ip -br addr` does.
///
/// ```
/// use sock::netlink::{consts::NETLINK_ROUTE, route::{Address, Link}, NetlinkSocket};
/// // `ip -br addr`: each link's name and state, then its addresses.
/// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
/// let addrs = Address::dump(&nl, sock::consts::AF_UNSPEC)?;
/// for link in Link::dump(&nl)? {
///     let mine: Vec<String> = addrs.iter().filter(|a| a.index == link.index).map(|a| a.to_string()).collect();
///     println!("{:<16} {:<14} {}", link.name, link.operstate, mine.join(" "));
/// }
/// // Loopback has 127.0.0.1/8 in any namespace where lo is up.
/// let lo = sock::if_nametoindex("lo")?;
/// let v4 = Address::dump(&nl, sock::consts::AF_INET)?;
/// assert!(v4.iter().all(|a| a.address.is_ipv4()));
/// # let up = Link::dump(&nl)?.iter().any(|l| l.index == lo && l.flags.contains(sock::netlink::route::IFF_UP));
/// # if up {
/// assert!(v4.iter().any(|a| a.index == lo && a.to_string() == "127.0.0.1/8"));
/// # }
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// The index of the interface the address is on.
    pub index: u32,
    /// The address: `IFA_LOCAL` when present (IPv4), else `IFA_ADDRESS`.
    pub address: IpAddr,
    /// The prefix length in bits.
    pub prefix_len: u8,
    /// The peer's address of a point-to-point link (`IFA_ADDRESS` when it differs from `IFA_LOCAL`).
    pub peer: Option<IpAddr>,
    /// The IPv4 broadcast address (`IFA_BROADCAST`).
    pub broadcast: Option<IpAddr>,
    /// The IPv4 label (`IFA_LABEL`, `eth0` or `eth0:1`).
    pub label: Option<String>,
    /// The scope, `RT_SCOPE_*` ([`RT_SCOPE_HOST`] for loopback addresses).
    pub scope: u8,
    /// All the `IFA_F_*` flags (`IFA_FLAGS`, else the header's 8 bits).
    pub flags: u32,
}

impl Address {
    /// Decodes an `RTM_NEWADDR` (or `RTM_DELADDR`) message. A short payload, a message
    /// without address, or an address attribute of the wrong size for the family is
    /// `InvalidData`.
    ///
    /// ```
    /// use sock::netlink::{msg::{NlMsgBuilder, NlMsgIter}, route::{Address, IfAddrMsg, IFA_LOCAL, RTM_NEWADDR}};
    /// let mut b = NlMsgBuilder::new(RTM_NEWADDR, 0);
    /// b.push_struct(&IfAddrMsg { family: sock::consts::AF_INET as u8, prefixlen: 24, index: 2, ..Default::default() }.to_bytes());
    /// b.push_attr(IFA_LOCAL, &[192, 0, 2, 1])?;
    /// let bytes = b.into_bytes();
    /// let addr = Address::parse(&NlMsgIter::new(&bytes).next().unwrap()?)?;
    /// assert_eq!((addr.index, addr.to_string()), (2, "192.0.2.1/24".to_owned()));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn parse(msg: &NlMsg<'_>) -> io::Result<Address> {
        let hdr =
            IfAddrMsg::from_bytes(msg.payload).ok_or_else(|| invalid_data("RTM_NEWADDR shorter than ifaddrmsg"))?;
        let (mut local, mut address, mut broadcast, mut label) = (None, None, None, None);
        let mut flags = u32::from(hdr.flags);
        for attr in msg.attrs(IfAddrMsg::LEN) {
            match attr.ty {
                IFA_LOCAL => local = Some(attr.as_ip(hdr.family)?),
                IFA_ADDRESS => address = Some(attr.as_ip(hdr.family)?),
                IFA_BROADCAST => broadcast = Some(attr.as_ip(hdr.family)?),
                IFA_LABEL => label = Some(attr.as_str()?.to_owned()),
                IFA_FLAGS => flags = attr.as_u32()?,
                _ => {}
            }
        }
        let Some(own) = local.or(address) else {
            return Err(invalid_data("RTM_NEWADDR without IFA_LOCAL or IFA_ADDRESS"));
        };
        Ok(Address {
            index: hdr.index,
            address: own,
            prefix_len: hdr.prefixlen,
            peer: address.filter(|a| local.is_some() && Some(*a) != local),
            broadcast,
            label,
            scope: hdr.scope,
            flags,
        })
    }

    /// The `RTM_GETADDR` dump request for `family` (`AF_UNSPEC` for all, `AF_INET`,
    /// `AF_INET6`; any integer type, or a [`sock::Family`](sock_core::Family)).
    ///
    /// ```
    /// use sock::netlink::route::{Address, RTM_GETADDR};
    /// assert_eq!(Address::dump_request(sock::consts::AF_INET6).header().ty, RTM_GETADDR);
    /// ```
    pub fn dump_request(family: impl Into<sock_core::Family>) -> NlMsgBuilder {
        let mut req = NlMsgBuilder::new(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP);
        let family = family.into().raw() as u8;
        req.push_struct(&IfAddrMsg { family, ..Default::default() }.to_bytes());
        req
    }

    /// Every address of `family` (`AF_UNSPEC` for all) in the socket's network namespace:
    /// `ip addr`. See the example on [`Address`].
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::Address, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// let lo = sock::if_nametoindex("lo")?;
    /// let v4 = Address::dump(&nl, sock::consts::AF_INET)?;
    /// assert!(v4.iter().any(|a| a.index == lo && a.to_string() == "127.0.0.1/8"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn dump(nl: &NetlinkSocket, family: impl Into<sock_core::Family>) -> io::Result<Vec<Address>> {
        let mut addrs = Vec::new();
        nl.dump(Self::dump_request(family), |msg| {
            addrs.push(Address::parse(&msg)?);
            Ok(())
        })?;
        Ok(addrs)
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.address, self.prefix_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn header_round_trips(family in any::<u8>(), p in any::<u8>(), s in any::<u8>(), index in any::<u32>()) {
            let a = IfAddrMsg { family, prefixlen: p, flags: s, scope: p ^ s, index };
            prop_assert_eq!(IfAddrMsg::from_bytes(&a.to_bytes()), Some(a));
        }

        #[test]
        fn any_payload_parses_or_errs(payload in proptest::collection::vec(any::<u8>(), 0..128)) {
            let _ = Address::parse(&NlMsg { header: Default::default(), payload: &payload });
            let _ = IfAddrMsg::attrs(&payload).count();
        }
    }
}
