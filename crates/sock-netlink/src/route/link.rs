//! Links (network interfaces): the `ifinfomsg` header [`IfInfoMsg`], the decoded message
//! [`Link`], and the names of its flags ([`LinkFlags`]) and operational state ([`OperState`]).

use std::fmt;
use std::io;

use super::consts::*;
use crate::consts::{NLM_F_DUMP, NLM_F_REQUEST};
use crate::msg::{align, invalid_data, NlAttrIter, NlMsg, NlMsgBuilder};
use crate::NetlinkSocket;
use sock_core::MacAddr;

/// `struct ifinfomsg`: the family header of `RTM_*LINK` messages (16 bytes).
///
/// ```
/// use sock::netlink::route::{IfInfoMsg, IFF_UP};
/// let up = IfInfoMsg { index: 3, flags: IFF_UP, change: IFF_UP, ..Default::default() };
/// assert_eq!(IfInfoMsg::from_bytes(&up.to_bytes()), Some(up));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct IfInfoMsg {
    /// `ifi_family` (`AF_UNSPEC` for links).
    pub family: u8,
    /// `ifi_type`: the `ARPHRD_*` hardware type ([`ARPHRD_ETHER`], [`ARPHRD_LOOPBACK`]...).
    pub ty: u16,
    /// `ifi_index`: the interface index (0 in a request for "any" / "new"). The kernel's
    /// field is an `int`, but indexes are positive: `u32` like every other index of this
    /// crate and of `if_nametoindex`.
    pub index: u32,
    /// `ifi_flags`: `IFF_*` ([`LinkFlags`]).
    pub flags: u32,
    /// `ifi_change`: which flags a request changes.
    pub change: u32,
}

impl IfInfoMsg {
    /// The size of the struct on the wire.
    pub const LEN: usize = 16;

    /// The 16 bytes of the struct.
    ///
    /// ```
    /// use sock::netlink::route::IfInfoMsg;
    /// assert_eq!(IfInfoMsg { index: 1, ..Default::default() }.to_bytes()[4..8], 1u32.to_ne_bytes());
    /// ```
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
    ///
    /// ```
    /// use sock::netlink::route::IfInfoMsg;
    /// assert_eq!(IfInfoMsg::from_bytes(&[0; 15]), None);
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let b: &[u8; Self::LEN] = bytes.get(..Self::LEN)?.try_into().ok()?;
        Some(IfInfoMsg {
            family: b[0],
            ty: u16::from_ne_bytes([b[2], b[3]]),
            index: u32::from_ne_bytes([b[4], b[5], b[6], b[7]]),
            flags: u32::from_ne_bytes([b[8], b[9], b[10], b[11]]),
            change: u32::from_ne_bytes([b[12], b[13], b[14], b[15]]),
        })
    }

    /// The `IFLA_*` attributes that follow the struct in a message payload.
    ///
    /// ```
    /// use sock::netlink::route::IfInfoMsg;
    /// assert_eq!(IfInfoMsg::attrs(&[0; 16]).count(), 0);
    /// ```
    pub fn attrs(payload: &[u8]) -> NlAttrIter<'_> {
        NlAttrIter::new(payload.get(align(Self::LEN)..).unwrap_or(&[]))
    }
}

/// The `IFF_*` flags of a link (`ifi_flags`). `Display` writes them as `ip link` does inside
/// its angle brackets: `LOOPBACK,UP,LOWER_UP` — `ip`'s order, `NO-CARRIER` first for an up
/// link without `IFF_RUNNING`, `IFF_RUNNING` itself left out, unknown bits as hex.
///
/// ```
/// use sock::netlink::route::{LinkFlags, IFF_LOOPBACK, IFF_LOWER_UP, IFF_RUNNING, IFF_UP};
/// let lo = LinkFlags(IFF_LOOPBACK | IFF_UP | IFF_RUNNING | IFF_LOWER_UP);
/// assert_eq!(lo.to_string(), "LOOPBACK,UP,LOWER_UP");
/// assert!(lo.contains(IFF_UP));
/// assert_eq!(LinkFlags(IFF_UP).to_string(), "NO-CARRIER,UP");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LinkFlags(pub u32);

/// `ip`'s order of the flag names (iproute2's `print_link_flags`).
const FLAG_NAMES: [(u32, &str); 18] = [
    (IFF_LOOPBACK, "LOOPBACK"),
    (IFF_BROADCAST, "BROADCAST"),
    (IFF_POINTOPOINT, "POINTOPOINT"),
    (IFF_MULTICAST, "MULTICAST"),
    (IFF_NOARP, "NOARP"),
    (IFF_ALLMULTI, "ALLMULTI"),
    (IFF_PROMISC, "PROMISC"),
    (IFF_MASTER, "MASTER"),
    (IFF_SLAVE, "SLAVE"),
    (IFF_DEBUG, "DEBUG"),
    (IFF_DYNAMIC, "DYNAMIC"),
    (IFF_AUTOMEDIA, "AUTOMEDIA"),
    (IFF_PORTSEL, "PORTSEL"),
    (IFF_NOTRAILERS, "NOTRAILERS"),
    (IFF_UP, "UP"),
    (IFF_LOWER_UP, "LOWER_UP"),
    (IFF_DORMANT, "DORMANT"),
    (IFF_ECHO, "ECHO"),
];

impl LinkFlags {
    /// Whether every bit of `flags` (`IFF_*`) is set.
    ///
    /// ```
    /// use sock::netlink::route::{LinkFlags, IFF_UP, IFF_RUNNING};
    /// assert!(!LinkFlags(IFF_UP).contains(IFF_UP | IFF_RUNNING));
    /// ```
    pub const fn contains(self, flags: u32) -> bool {
        self.0 & flags == flags
    }

    /// The name of one `IFF_*` flag without its prefix (`"UP"`, `"RUNNING"`...), `None` for
    /// a value that is not exactly one known flag.
    ///
    /// ```
    /// use sock::netlink::route::{LinkFlags, IFF_RUNNING};
    /// assert_eq!(LinkFlags::name(IFF_RUNNING), Some("RUNNING"));
    /// assert_eq!(LinkFlags::name(3), None);
    /// ```
    pub fn name(flag: u32) -> Option<&'static str> {
        if flag == IFF_RUNNING {
            return Some("RUNNING");
        }
        FLAG_NAMES.iter().find(|(bit, _)| *bit == flag).map(|(_, name)| *name)
    }
}

impl fmt::Display for LinkFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        let mut sep = "";
        if rest & IFF_UP != 0 && rest & IFF_RUNNING == 0 {
            f.write_str("NO-CARRIER")?;
            sep = ",";
        }
        rest &= !IFF_RUNNING;
        for (bit, name) in FLAG_NAMES {
            if rest & bit != 0 {
                write!(f, "{sep}{name}")?;
                sep = ",";
                rest &= !bit;
            }
        }
        if rest != 0 {
            write!(f, "{sep}{rest:x}")?;
        }
        Ok(())
    }
}

/// The RFC 2863 operational state of a link (`IFLA_OPERSTATE`, `IF_OPER_*`). `Display`
/// writes the name `ip -br link` prints (`UP`, `DOWN`, `UNKNOWN`, `LOWERLAYERDOWN`...), or
/// the number for a value Linux does not define.
///
/// ```
/// use sock::netlink::route::{OperState, IF_OPER_LOWERLAYERDOWN, IF_OPER_UP};
/// assert_eq!(OperState(IF_OPER_UP).to_string(), "UP");
/// assert_eq!(OperState(IF_OPER_LOWERLAYERDOWN).name(), Some("LOWERLAYERDOWN"));
/// assert_eq!(OperState(42).to_string(), "42");
/// assert_eq!("DORMANT".parse::<OperState>()?, OperState::DORMANT);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct OperState(pub u8);

impl OperState {
    /// [`IF_OPER_UNKNOWN`].
    pub const UNKNOWN: OperState = OperState(IF_OPER_UNKNOWN);
    /// [`IF_OPER_NOTPRESENT`].
    pub const NOTPRESENT: OperState = OperState(IF_OPER_NOTPRESENT);
    /// [`IF_OPER_DOWN`].
    pub const DOWN: OperState = OperState(IF_OPER_DOWN);
    /// [`IF_OPER_LOWERLAYERDOWN`].
    pub const LOWERLAYERDOWN: OperState = OperState(IF_OPER_LOWERLAYERDOWN);
    /// [`IF_OPER_TESTING`].
    pub const TESTING: OperState = OperState(IF_OPER_TESTING);
    /// [`IF_OPER_DORMANT`].
    pub const DORMANT: OperState = OperState(IF_OPER_DORMANT);
    /// [`IF_OPER_UP`].
    pub const UP: OperState = OperState(IF_OPER_UP);

    const NAMES: [&'static str; 7] = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"];

    /// The name `ip` prints, `None` for a value Linux does not define.
    ///
    /// ```
    /// use sock::netlink::route::OperState;
    /// assert_eq!(OperState::UNKNOWN.name(), Some("UNKNOWN"));
    /// ```
    pub fn name(self) -> Option<&'static str> {
        Self::NAMES.get(usize::from(self.0)).copied()
    }
}

impl fmt::Display for OperState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "{}", self.0),
        }
    }
}

impl std::str::FromStr for OperState {
    type Err = io::Error;

    fn from_str(s: &str) -> io::Result<OperState> {
        match Self::NAMES.iter().position(|name| name.eq_ignore_ascii_case(s)) {
            Some(i) => Ok(OperState(i as u8)),
            None => Err(sock_core::invalid_input("operstate", &format!("{s:?} is not UP, DOWN, UNKNOWN, ..."))),
        }
    }
}

/// One link (network interface) as an `RTM_NEWLINK` message describes it: what `ip link`
/// shows. [`Link::parse`] decodes a message, [`Link::dump`] lists every link.
///
/// ```
/// use sock::netlink::{consts::NETLINK_ROUTE, route::{Link, OperState}, NetlinkSocket};
/// // `ip -br link`: name, state, address, flags.
/// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
/// for link in Link::dump(&nl)? {
///     let mac = link.mac.map(|m| m.to_string()).unwrap_or_default();
///     println!("{:<16} {:<14} {mac} <{}> mtu {} index {}", link.name, link.operstate, link.flags, link.mtu, link.index);
/// }
/// let lo = Link::dump(&nl)?.into_iter().find(|l| l.name == "lo").unwrap();
/// assert_eq!(lo.operstate, OperState::UNKNOWN);
/// assert_eq!(lo.mac.unwrap().to_string(), "00:00:00:00:00:00");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    /// The interface index.
    pub index: u32,
    /// The interface name (`IFLA_IFNAME`).
    pub name: String,
    /// The hardware type, `ARPHRD_*` ([`ARPHRD_ETHER`], [`ARPHRD_LOOPBACK`]...).
    pub ty: u16,
    /// The `IFF_*` flags.
    pub flags: LinkFlags,
    /// The hardware address (`IFLA_ADDRESS`) when it is 6 bytes (Ethernet, loopback, veth).
    pub mac: Option<MacAddr>,
    /// The MTU in bytes (`IFLA_MTU`; 0 if the message has none).
    pub mtu: u32,
    /// The operational state (`IFLA_OPERSTATE`; [`OperState::UNKNOWN`] if absent).
    pub operstate: OperState,
    /// The index of the master device (bridge, bond, VRF; `IFLA_MASTER`).
    pub master: Option<u32>,
    /// The index of the underlying link (`IFLA_LINK`: a VLAN's device, a veth's peer).
    pub link: Option<u32>,
    /// The link kind (`IFLA_INFO_KIND`: `veth`, `bridge`, `vcan`...), for virtual devices.
    pub kind: Option<String>,
}

impl Link {
    /// Decodes an `RTM_NEWLINK` (or `RTM_DELLINK`) message. A payload shorter than
    /// `ifinfomsg`, or a known attribute of the wrong size, is `InvalidData`; unknown
    /// attributes are skipped.
    ///
    /// ```
    /// use sock::netlink::{msg::{NlMsgBuilder, NlMsgIter}, route::{IfInfoMsg, Link, IFLA_IFNAME, IFLA_MTU, RTM_NEWLINK}};
    /// let mut b = NlMsgBuilder::new(RTM_NEWLINK, 0);
    /// b.push_struct(&IfInfoMsg { index: 7, ..Default::default() }.to_bytes());
    /// b.push_attr_str(IFLA_IFNAME, "eth0")?.push_attr_u32(IFLA_MTU, 1500)?;
    /// let bytes = b.into_bytes();
    /// let link = Link::parse(&NlMsgIter::new(&bytes).next().unwrap()?)?;
    /// assert_eq!((link.index, link.name.as_str(), link.mtu), (7, "eth0", 1500));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn parse(msg: &NlMsg<'_>) -> io::Result<Link> {
        let hdr =
            IfInfoMsg::from_bytes(msg.payload).ok_or_else(|| invalid_data("RTM_NEWLINK shorter than ifinfomsg"))?;
        let mut link = Link { index: hdr.index, ty: hdr.ty, flags: LinkFlags(hdr.flags), ..Link::default() };
        for attr in msg.attrs(IfInfoMsg::LEN) {
            match attr.ty {
                IFLA_IFNAME => link.name = attr.as_str()?.to_owned(),
                IFLA_ADDRESS => link.mac = attr.as_mac().ok(),
                IFLA_MTU => link.mtu = attr.as_u32()?,
                IFLA_OPERSTATE => link.operstate = OperState(attr.as_u8()?),
                IFLA_MASTER => link.master = Some(attr.as_u32()?),
                IFLA_LINK => link.link = Some(attr.as_u32()?),
                IFLA_LINKINFO => {
                    if let Some(kind) = attr.attrs().find(|a| a.ty == IFLA_INFO_KIND) {
                        link.kind = Some(kind.as_str()?.to_owned());
                    }
                }
                _ => {}
            }
        }
        Ok(link)
    }

    /// The `RTM_GETLINK` dump request (`NLM_F_DUMP`, an empty `ifinfomsg`), for
    /// [`NetlinkSocket::dump`] or the async `dump`.
    ///
    /// ```
    /// use sock::netlink::{consts::NLM_F_DUMP, route::{Link, RTM_GETLINK}};
    /// assert_eq!(Link::dump_request().header().ty, RTM_GETLINK);
    /// assert_ne!(Link::dump_request().header().flags & NLM_F_DUMP, 0);
    /// ```
    pub fn dump_request() -> NlMsgBuilder {
        let mut req = NlMsgBuilder::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
        req.push_struct(&IfInfoMsg::default().to_bytes());
        req
    }

    /// Every link of the socket's network namespace, in the kernel's order (by index): `ip
    /// link`. See the example on [`Link`].
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::{Link, IFF_LOOPBACK}, NetlinkSocket};
    /// let links = Link::dump(&NetlinkSocket::new(NETLINK_ROUTE)?)?;
    /// let lo = links.iter().find(|l| l.name == "lo").expect("every namespace has lo");
    /// assert_eq!(lo.index, sock::if_nametoindex("lo")?);
    /// assert!(lo.flags.contains(IFF_LOOPBACK));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn dump(nl: &NetlinkSocket) -> io::Result<Vec<Link>> {
        let mut links = Vec::new();
        nl.dump(Self::dump_request(), |msg| {
            links.push(Link::parse(&msg)?);
            Ok(())
        })?;
        Ok(links)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn flags_print_as_ip_does() {
        let eth = LinkFlags(IFF_BROADCAST | IFF_MULTICAST | IFF_UP | IFF_RUNNING | IFF_LOWER_UP);
        assert_eq!(eth.to_string(), "BROADCAST,MULTICAST,UP,LOWER_UP");
        assert_eq!(LinkFlags(IFF_BROADCAST | IFF_NOARP).to_string(), "BROADCAST,NOARP");
        assert_eq!(LinkFlags(0).to_string(), "");
        assert_eq!(LinkFlags(0x8000_0000 | IFF_UP | IFF_RUNNING).to_string(), "UP,80000000");
    }

    #[test]
    fn operstate_names() {
        assert_eq!(OperState(IF_OPER_DOWN).to_string(), "DOWN");
        assert_eq!(OperState(IF_OPER_UNKNOWN).to_string(), "UNKNOWN");
        assert_eq!("up".parse::<OperState>().unwrap(), OperState::UP);
        let e = "sideways".parse::<OperState>().unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().starts_with("operstate: "), "{e}");
    }

    #[test]
    fn short_or_bad_messages_are_invalid_data() {
        let msg = NlMsg { header: Default::default(), payload: &[0; 8] };
        assert_eq!(Link::parse(&msg).unwrap_err().kind(), io::ErrorKind::InvalidData);
        let mut b = NlMsgBuilder::new(RTM_NEWLINK, 0);
        b.push_struct(&IfInfoMsg::default().to_bytes());
        b.push_attr(IFLA_MTU, &[1, 2]).unwrap();
        let bytes = b.into_bytes();
        let msg = crate::msg::NlMsgIter::new(&bytes).next().unwrap().unwrap();
        assert_eq!(Link::parse(&msg).unwrap_err().kind(), io::ErrorKind::InvalidData);
    }

    proptest! {
        #[test]
        fn header_round_trips(family in any::<u8>(), ty in any::<u16>(), index in any::<u32>(), flags in any::<u32>(), change in any::<u32>()) {
            let m = IfInfoMsg { family, ty, index, flags, change };
            prop_assert_eq!(IfInfoMsg::from_bytes(&m.to_bytes()), Some(m));
        }

        #[test]
        fn any_payload_parses_or_errs(payload in proptest::collection::vec(any::<u8>(), 0..128)) {
            let _ = Link::parse(&NlMsg { header: Default::default(), payload: &payload });
            let _ = IfInfoMsg::attrs(&payload).count();
            let _ = LinkFlags((payload.len() as u32).wrapping_mul(0x1234_5677)).to_string();
        }
    }
}
