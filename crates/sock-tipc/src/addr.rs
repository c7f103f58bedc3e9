//! [`TipcAddr`]: a `struct sockaddr_tipc` — a service range, a service address or a socket id,
//! with a scope.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::{invalid_input, SockAddr, Socket, ToSockAddr};

use crate::consts::*;

/// Bytes of `sockaddr_tipc` after `family`: addrtype (1), scope (1), the 12-byte union.
const DATA_LEN: usize = 14;

/// The scope of a TIPC binding or lookup (`sockaddr_tipc.scope`, a signed char).
///
/// Text form: `zone`, `cluster`, `node`, or the number for any other value (the kernel gives a
/// negative scope to `bind` the meaning "withdraw this binding").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scope(pub i8);

impl Scope {
    /// `TIPC_ZONE_SCOPE` (deprecated by the kernel; treated as cluster scope).
    pub const ZONE: Scope = Scope(TIPC_ZONE_SCOPE);
    /// `TIPC_CLUSTER_SCOPE`, the default (as in CPython).
    pub const CLUSTER: Scope = Scope(TIPC_CLUSTER_SCOPE);
    /// `TIPC_NODE_SCOPE`: visible on this node only.
    pub const NODE: Scope = Scope(TIPC_NODE_SCOPE);
}

impl Default for Scope {
    fn default() -> Self {
        Scope::CLUSTER
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Scope::ZONE => f.write_str("zone"),
            Scope::CLUSTER => f.write_str("cluster"),
            Scope::NODE => f.write_str("node"),
            Scope(n) => write!(f, "{n}"),
        }
    }
}

impl FromStr for Scope {
    type Err = io::Error;

    /// Parses `zone`, `cluster`, `node` or a decimal `i8`.
    fn from_str(s: &str) -> io::Result<Scope> {
        match s {
            "zone" => Ok(Scope::ZONE),
            "cluster" => Ok(Scope::CLUSTER),
            "node" => Ok(Scope::NODE),
            _ => s.parse().map(Scope).map_err(|_| invalid_input("scope", "expected zone, cluster, node or an i8")),
        }
    }
}

/// What a TIPC address names: the three `addrtype`s of `sockaddr_tipc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TipcName {
    /// `TIPC_ADDR_NAMESEQ` / `TIPC_SERVICE_RANGE` (also `TIPC_ADDR_MCAST`): the instances
    /// `lower..=upper` of a service type. Bound by servers; the destination of multicasts.
    ServiceRange {
        /// The service type.
        service: u32,
        /// The first instance.
        lower: u32,
        /// The last instance.
        upper: u32,
    },
    /// `TIPC_ADDR_NAME` / `TIPC_SERVICE_ADDR`: one instance of a service type, looked up on
    /// `node` (0: any node, the usual value; CPython's third tuple item).
    Service {
        /// The service type.
        service: u32,
        /// The instance.
        instance: u32,
        /// The lookup domain (`addr.name.domain`): the node to look up on, 0 for any.
        node: u32,
    },
    /// `TIPC_ADDR_ID` / `TIPC_SOCKET_ADDR`: one socket, by node and port (`ref`). This is what
    /// `getsockname`, `recvfrom` and `accept` report.
    Socket {
        /// The node address.
        node: u32,
        /// The socket's port number (`ref`).
        port: u32,
    },
}

/// An `AF_TIPC` address: a [`TipcName`] and a [`Scope`], CPython's
/// `(addr_type, v1, v2, v3, scope)`.
///
/// Text form (decimal numbers): `{type,lower,upper}`, `{type,instance}` (with `@node` when the
/// lookup node is not 0) or `<node:port>`, then `/scope` unless the scope is `cluster`.
///
/// ```
/// use sock_tipc::{Scope, TipcAddr, TipcName};
/// let range = TipcAddr::service_range(2000, 200, 210).with_scope(Scope::NODE);
/// assert_eq!(range.to_string(), "{2000,200,210}/node");
/// assert_eq!("{2000,200,210}/node".parse::<TipcAddr>()?, range);
/// let id: TipcAddr = "<4711:3000>".parse()?;
/// assert_eq!(id.name, TipcName::Socket { node: 4711, port: 3000 });
/// let raw = sock_core::SockAddr::from(id);
/// assert_eq!(TipcAddr::try_from(&raw)?, id);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TipcAddr {
    /// What the address names.
    pub name: TipcName,
    /// Where the name is visible (bind) or looked up (send).
    pub scope: Scope,
}

impl TipcAddr {
    /// The service range `{service, lower, upper}` with cluster scope.
    pub const fn service_range(service: u32, lower: u32, upper: u32) -> TipcAddr {
        TipcAddr { name: TipcName::ServiceRange { service, lower, upper }, scope: Scope::CLUSTER }
    }

    /// The service address `{service, instance}`, looked up on any node, with cluster scope.
    pub const fn service(service: u32, instance: u32) -> TipcAddr {
        TipcAddr { name: TipcName::Service { service, instance, node: 0 }, scope: Scope::CLUSTER }
    }

    /// The socket id `<node:port>` with cluster scope.
    pub const fn socket(node: u32, port: u32) -> TipcAddr {
        TipcAddr { name: TipcName::Socket { node, port }, scope: Scope::CLUSTER }
    }

    /// This address with another scope.
    pub const fn with_scope(self, scope: Scope) -> TipcAddr {
        TipcAddr { name: self.name, scope }
    }

    /// The `addrtype` of this address (`TIPC_ADDR_NAMESEQ`, `TIPC_ADDR_NAME` or `TIPC_ADDR_ID`).
    pub const fn addr_type(&self) -> u8 {
        match self.name {
            TipcName::ServiceRange { .. } => TIPC_ADDR_NAMESEQ,
            TipcName::Service { .. } => TIPC_ADDR_NAME,
            TipcName::Socket { .. } => TIPC_ADDR_ID,
        }
    }

    /// CPython's `(addr_type, v1, v2, v3)` numbers, for interop with code that mirrors the tuple
    /// (`(TIPC_ADDR_ID, node, ref, 0)` for a socket id).
    pub const fn to_tuple(&self) -> (u8, u32, u32, u32, i8) {
        let (a, b, c) = match self.name {
            TipcName::ServiceRange { service, lower, upper } => (service, lower, upper),
            TipcName::Service { service, instance, node } => (service, instance, node),
            TipcName::Socket { node, port } => (node, port, 0),
        };
        (self.addr_type(), a, b, c, self.scope.0)
    }

    /// Builds an address from CPython's tuple numbers `(addr_type, v1, v2, v3, scope)`; fails
    /// with `InvalidInput` naming `addr_type` for an unknown type (CPython's TypeError).
    pub fn from_tuple(addr_type: u8, v1: u32, v2: u32, v3: u32, scope: i8) -> io::Result<TipcAddr> {
        let name = match addr_type {
            TIPC_ADDR_NAMESEQ => TipcName::ServiceRange { service: v1, lower: v2, upper: v3 },
            TIPC_ADDR_NAME => TipcName::Service { service: v1, instance: v2, node: v3 },
            TIPC_ADDR_ID => TipcName::Socket { node: v1, port: v2 },
            _ => return Err(invalid_input("addr_type", "expected TIPC_ADDR_NAMESEQ, TIPC_ADDR_NAME or TIPC_ADDR_ID")),
        };
        Ok(TipcAddr { name, scope: Scope(scope) })
    }

    /// Decodes an `AF_TIPC` address, or `None` if `addr` is of another family, too short, or
    /// of an unknown address type.
    pub fn decode(addr: &SockAddr) -> Option<TipcAddr> {
        if i32::from(addr.family()) != libc::AF_TIPC {
            return None;
        }
        let data = addr.data().get(..DATA_LEN)?;
        let word = |i: usize| u32::from_ne_bytes([data[2 + 4 * i], data[3 + 4 * i], data[4 + 4 * i], data[5 + 4 * i]]);
        let scope = Scope(i8::from_ne_bytes([data[1]]));
        let name = match data[0] {
            TIPC_ADDR_NAMESEQ => TipcName::ServiceRange { service: word(0), lower: word(1), upper: word(2) },
            TIPC_ADDR_NAME => TipcName::Service { service: word(0), instance: word(1), node: word(2) },
            TIPC_ADDR_ID => TipcName::Socket { port: word(0), node: word(1) },
            _ => return None,
        };
        Some(TipcAddr { name, scope })
    }
}

impl From<TipcAddr> for SockAddr {
    fn from(addr: TipcAddr) -> SockAddr {
        // The union's words in memory order: `id` is { ref, node }, the others as declared.
        let words = match addr.name {
            TipcName::ServiceRange { service, lower, upper } => [service, lower, upper],
            TipcName::Service { service, instance, node } => [service, instance, node],
            TipcName::Socket { node, port } => [port, node, 0],
        };
        let mut data = [0u8; DATA_LEN];
        data[0] = addr.addr_type();
        data[1] = addr.scope.0.to_ne_bytes()[0];
        for (i, w) in words.iter().enumerate() {
            data[2 + 4 * i..6 + 4 * i].copy_from_slice(&w.to_ne_bytes());
        }
        SockAddr::new(libc::AF_TIPC as u16, &data).expect("sockaddr_tipc fits in sockaddr_storage")
    }
}

impl TryFrom<&SockAddr> for TipcAddr {
    type Error = io::Error;

    /// Fails with `InvalidInput` unless `addr` is a complete `AF_TIPC` address of a known type.
    fn try_from(addr: &SockAddr) -> io::Result<TipcAddr> {
        TipcAddr::decode(addr).ok_or_else(|| invalid_input("address", "not an AF_TIPC address"))
    }
}

impl ToSockAddr for TipcAddr {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

impl fmt::Display for TipcName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TipcName::ServiceRange { service, lower, upper } => write!(f, "{{{service},{lower},{upper}}}"),
            TipcName::Service { service, instance, node: 0 } => write!(f, "{{{service},{instance}}}"),
            TipcName::Service { service, instance, node } => write!(f, "{{{service},{instance}}}@{node}"),
            TipcName::Socket { node, port } => write!(f, "<{node}:{port}>"),
        }
    }
}

impl fmt::Display for TipcAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        if self.scope != Scope::CLUSTER {
            write!(f, "/{}", self.scope)?;
        }
        Ok(())
    }
}

impl FromStr for TipcName {
    type Err = io::Error;

    /// Parses `{type,lower,upper}`, `{type,instance}`, `{type,instance}@node` or `<node:port>`.
    fn from_str(s: &str) -> io::Result<TipcName> {
        let bad = || invalid_input("address", "expected {type,lower,upper}, {type,instance}[@node] or <node:port>");
        if let Some(inner) = s.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
            let (node, port) = inner.split_once(':').ok_or_else(bad)?;
            return Ok(TipcName::Socket { node: number(node, "node")?, port: number(port, "port")? });
        }
        let rest = s.strip_prefix('{').ok_or_else(bad)?;
        let (inner, tail) = rest.split_once('}').ok_or_else(bad)?;
        let parts: Vec<&str> = inner.split(',').collect();
        match (parts.as_slice(), tail) {
            ([service, lower, upper], "") => Ok(TipcName::ServiceRange {
                service: number(service, "type")?,
                lower: number(lower, "lower")?,
                upper: number(upper, "upper")?,
            }),
            ([service, instance], tail) => {
                let node = match tail {
                    "" => 0,
                    _ => number(tail.strip_prefix('@').ok_or_else(bad)?, "node")?,
                };
                Ok(TipcName::Service {
                    service: number(service, "type")?,
                    instance: number(instance, "instance")?,
                    node,
                })
            }
            _ => Err(bad()),
        }
    }
}

impl FromStr for TipcAddr {
    type Err = io::Error;

    /// Parses the text form described on [`TipcAddr`].
    fn from_str(s: &str) -> io::Result<TipcAddr> {
        let (name, scope) = match s.rsplit_once('/') {
            Some((name, scope)) => (name, scope.parse()?),
            None => (s, Scope::CLUSTER),
        };
        Ok(TipcAddr { name: name.parse()?, scope })
    }
}

/// A decimal `u32` of ASCII digits only.
fn number(s: &str, what: &str) -> io::Result<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid_input(what, "expected a decimal number"));
    }
    s.parse().map_err(|_| invalid_input(what, "does not fit in 32 bits"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_is_sockaddr_tipc() {
        let raw = SockAddr::from(TipcAddr::socket(0x1001, 77).with_scope(Scope::NODE));
        assert_eq!(raw.len(), 16);
        let b = raw.as_bytes();
        assert_eq!((b[2], b[3]), (TIPC_ADDR_ID, 3));
        assert_eq!(&b[4..8], &77u32.to_ne_bytes(), "ref comes first");
        assert_eq!(&b[8..12], &0x1001u32.to_ne_bytes());
        let raw = SockAddr::from(TipcAddr::service_range(2000, 200, 210));
        assert_eq!(raw.as_bytes()[3], 2, "cluster scope by default, as CPython");
    }

    #[test]
    fn cpython_tuples() {
        let a = TipcAddr::from_tuple(TIPC_ADDR_NAMESEQ, 2000, 200, 210, TIPC_CLUSTER_SCOPE).unwrap();
        assert_eq!(a, TipcAddr::service_range(2000, 200, 210));
        assert_eq!(TipcAddr::service(2000, 205).to_tuple(), (TIPC_ADDR_NAME, 2000, 205, 0, 2));
        assert_eq!(TipcAddr::socket(1, 2).to_tuple(), (TIPC_ADDR_ID, 1, 2, 0, 2));
        assert_eq!(TipcAddr::from_tuple(4, 0, 0, 0, 2).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert!(TipcAddr::from_tuple(4, 0, 0, 0, 2).unwrap_err().to_string().starts_with("addr_type"));
    }

    #[test]
    fn text_forms() {
        for (text, addr) in [
            ("{1,2,3}", TipcAddr::service_range(1, 2, 3)),
            ("{1,2}", TipcAddr::service(1, 2)),
            ("<5:6>/zone", TipcAddr::socket(5, 6).with_scope(Scope::ZONE)),
            ("{1,2}/-1", TipcAddr::service(1, 2).with_scope(Scope(-1))),
        ] {
            assert_eq!(text.parse::<TipcAddr>().unwrap(), addr, "{text}");
            assert_eq!(addr.to_string(), text);
        }
        let mut with_node = TipcAddr::service(1, 2);
        with_node.name = TipcName::Service { service: 1, instance: 2, node: 9 };
        assert_eq!(with_node.to_string(), "{1,2}@9");
        assert_eq!("{1,2}/cluster".parse::<TipcAddr>().unwrap(), TipcAddr::service(1, 2));
        for bad in ["", "{}", "{1}", "{1,2,3,4}", "{1,2,3}@4", "<1>", "<1:2", "{a,2}", "{1,2}/far", "{1,2}x", "<1:2>/"]
        {
            assert_eq!(bad.parse::<TipcAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{bad:?}");
        }
    }

    #[test]
    fn unknown_types_and_short_addresses_do_not_decode() {
        let mut data = [0u8; DATA_LEN];
        data[0] = 9;
        assert_eq!(TipcAddr::decode(&SockAddr::new(libc::AF_TIPC as u16, &data).unwrap()), None);
        data[0] = TIPC_ADDR_ID;
        assert_eq!(TipcAddr::decode(&SockAddr::new(libc::AF_TIPC as u16, &data[..13]).unwrap()), None);
        assert!(TipcAddr::decode(&SockAddr::new(libc::AF_TIPC as u16, &data).unwrap()).is_some());
    }

    fn any_addr() -> impl Strategy<Value = TipcAddr> {
        let name = prop_oneof![
            (any::<u32>(), any::<u32>(), any::<u32>()).prop_map(|(service, lower, upper)| TipcName::ServiceRange {
                service,
                lower,
                upper
            }),
            (any::<u32>(), any::<u32>(), any::<u32>()).prop_map(|(service, instance, node)| TipcName::Service {
                service,
                instance,
                node
            }),
            (any::<u32>(), any::<u32>()).prop_map(|(node, port)| TipcName::Socket { node, port }),
        ];
        (name, any::<i8>()).prop_map(|(name, scope)| TipcAddr { name, scope: Scope(scope) })
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=40)) {
            let mut raw = bytes.clone();
            if raw.len() >= 2 {
                raw[..2].copy_from_slice(&(libc::AF_TIPC as u16).to_ne_bytes());
            }
            let _ = TipcAddr::decode(&SockAddr::from_bytes(&raw).unwrap());
            let _ = String::from_utf8_lossy(&bytes).parse::<TipcAddr>();
        }

        #[test]
        fn round_trips(addr in any_addr()) {
            prop_assert_eq!(TipcAddr::decode(&SockAddr::from(addr)), Some(addr));
            prop_assert_eq!(addr.to_string().parse::<TipcAddr>().unwrap(), addr);
        }
    }
}
