//! [`TipcAddr`]: a `struct sockaddr_tipc` — a service range, a service address or a socket id,
//! with a scope.

use std::io;

use sock_core::{invalid_input, Family, FamilyAddr, SockAddr};

use crate::consts::*;

/// Bytes of `sockaddr_tipc` after `family`: addrtype (1), scope (1), the 12-byte union.
const DATA_LEN: usize = 14;

/// The scope of a TIPC binding or lookup (`sockaddr_tipc.scope`, a signed char).
///
/// Text form: `zone`, `cluster`, `node`, or for any other value the scope's byte as an
/// unsigned number (decimal or `0x` hex, the shared number rule, which has no sign): the
/// kernel gives a negative scope to `bind` the meaning "withdraw this binding", and
/// `Scope(-2)` is written `254`.
///
/// ```
/// use sock::tipc::{Scope, TipcAddr};
/// assert_eq!(Scope::default(), Scope::CLUSTER);
/// assert_eq!(TipcAddr::service(2000, 1).with_scope(Scope::NODE).to_string(), "{2000,1}/node");
/// assert_eq!("{2000,1}/254".parse::<TipcAddr>()?.scope, Scope(-2)); // withdraw, in bind
/// # Ok::<(), std::io::Error>(())
/// ```
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

/// What a TIPC address names: the three `addrtype`s of `sockaddr_tipc`.
///
/// ```
/// use sock::tipc::{TipcAddr, TipcName};
/// let kind = |a: TipcAddr| match a.name {
///     TipcName::ServiceRange { service, lower, upper } => format!("{service}: {lower}..={upper}"),
///     TipcName::Service { service, instance, .. } => format!("{service}: {instance}"),
///     TipcName::Socket { node, port } => format!("socket {port} on node {node:#x}"),
/// };
/// assert_eq!(kind("{2000,1,9}".parse()?), "2000: 1..=9");
/// assert_eq!(kind(TipcAddr::socket(0x1001, 77)), "socket 77 on node 0x1001");
/// # Ok::<(), std::io::Error>(())
/// ```
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
/// `(addr_type, v1, v2, v3, scope)` (see [`TipcAddr::from_tuple`]). All three kinds — service
/// range (`TIPC_ADDR_NAMESEQ`), service (`TIPC_ADDR_NAME`) and socket id (`TIPC_ADDR_ID`) —
/// are this one [`FamilyAddr`]; [`TipcName`] says which.
///
/// Text form ([`FamilyAddr::TEXT_FORM`]; numbers decimal or `0x` hex, `Display` writes
/// decimal): `{type,lower,upper}`, `{type,instance}` (with `@node` when the lookup node is
/// not 0) or `<node:port>`, then `/scope` unless the scope is `cluster`.
///
/// ```
/// use sock::FamilyAddr;
/// use sock::tipc::{Scope, TipcAddr, TipcName};
/// let range = TipcAddr::service_range(2000, 200, 210).with_scope(Scope::NODE);
/// assert_eq!(range.to_string(), "{2000,200,210}/node");
/// assert_eq!("{2000,200,210}/node".parse::<TipcAddr>()?, range);
/// let id: TipcAddr = "<4711:0xbb8>".parse()?;
/// assert_eq!(id.name, TipcName::Socket { node: 4711, port: 3000 });
/// assert_eq!(id.to_string(), "<4711:3000>");
/// assert_eq!(TipcAddr::decode(&id.encode()?)?, id);
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
    ///
    /// ```
    /// use sock::tipc::{Scope, TipcAddr, TipcName};
    /// let r = TipcAddr::service_range(2000, 0, 99);
    /// assert_eq!((r.name, r.scope), (TipcName::ServiceRange { service: 2000, lower: 0, upper: 99 }, Scope::CLUSTER));
    /// assert_eq!(r.to_string(), "{2000,0,99}");
    /// ```
    pub const fn service_range(service: u32, lower: u32, upper: u32) -> TipcAddr {
        TipcAddr { name: TipcName::ServiceRange { service, lower, upper }, scope: Scope::CLUSTER }
    }

    /// The service address `{service, instance}`, looked up on any node, with cluster scope.
    ///
    /// ```
    /// use sock::tipc::{TipcAddr, TipcName};
    /// let s = TipcAddr::service(2000, 7);
    /// assert_eq!(s.name, TipcName::Service { service: 2000, instance: 7, node: 0 });
    /// assert_eq!(s.to_string(), "{2000,7}");
    /// ```
    pub const fn service(service: u32, instance: u32) -> TipcAddr {
        TipcAddr { name: TipcName::Service { service, instance, node: 0 }, scope: Scope::CLUSTER }
    }

    /// The socket id `<node:port>` with cluster scope.
    ///
    /// ```
    /// use sock::tipc::TipcAddr;
    /// let id = TipcAddr::socket(4711, 3000);
    /// assert_eq!(id.to_string(), "<4711:3000>");
    /// assert_eq!("<4711:3000>".parse::<TipcAddr>()?, id);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn socket(node: u32, port: u32) -> TipcAddr {
        TipcAddr { name: TipcName::Socket { node, port }, scope: Scope::CLUSTER }
    }

    /// This address with another scope.
    ///
    /// ```
    /// use sock::tipc::{Scope, TipcAddr};
    /// let a = TipcAddr::service(2000, 7).with_scope(Scope::NODE);
    /// assert_eq!(a.scope, Scope::NODE);
    /// assert_eq!(a.to_string(), "{2000,7}/node");
    /// ```
    pub const fn with_scope(self, scope: Scope) -> TipcAddr {
        TipcAddr { name: self.name, scope }
    }

    /// The `addrtype` of this address (`TIPC_ADDR_NAMESEQ`, `TIPC_ADDR_NAME` or `TIPC_ADDR_ID`).
    ///
    /// ```
    /// use sock::tipc::{TipcAddr, TIPC_ADDR_ID, TIPC_ADDR_NAME, TIPC_ADDR_NAMESEQ};
    /// assert_eq!(TipcAddr::service_range(1, 2, 3).addr_type(), TIPC_ADDR_NAMESEQ);
    /// assert_eq!(TipcAddr::service(1, 2).addr_type(), TIPC_ADDR_NAME);
    /// assert_eq!(TipcAddr::socket(1, 2).addr_type(), TIPC_ADDR_ID);
    /// ```
    pub const fn addr_type(&self) -> u8 {
        match self.name {
            TipcName::ServiceRange { .. } => TIPC_ADDR_NAMESEQ,
            TipcName::Service { .. } => TIPC_ADDR_NAME,
            TipcName::Socket { .. } => TIPC_ADDR_ID,
        }
    }
}

impl FamilyAddr for TipcAddr {
    const FAMILY: Family = Family::TIPC;
    const TEXT_FORM: &'static str = "{type,lower,upper} | {type,instance}[@node] | <node:port>, then [/scope]";

    /// Decodes an `AF_TIPC` address; `InvalidInput` if `addr` is of another family, shorter
    /// than `struct sockaddr_tipc`, or of an unknown address type.
    fn decode(addr: &SockAddr) -> io::Result<TipcAddr> {
        let data = Self::expect_family(addr)?
            .get(..DATA_LEN)
            .ok_or_else(|| invalid_input("address", "too short for a sockaddr_tipc"))?;
        let word = |i: usize| u32::from_ne_bytes([data[2 + 4 * i], data[3 + 4 * i], data[4 + 4 * i], data[5 + 4 * i]]);
        let scope = Scope(i8::from_ne_bytes([data[1]]));
        let name = match data[0] {
            TIPC_ADDR_NAMESEQ => TipcName::ServiceRange { service: word(0), lower: word(1), upper: word(2) },
            TIPC_ADDR_NAME => TipcName::Service { service: word(0), instance: word(1), node: word(2) },
            TIPC_ADDR_ID => TipcName::Socket { port: word(0), node: word(1) },
            other => {
                return Err(invalid_input(
                    "address",
                    &format!("unknown TIPC address type {other} (expected 1, 2 or 3: TIPC_ADDR_NAMESEQ, _NAME, _ID)"),
                ))
            }
        };
        Ok(TipcAddr { name, scope })
    }

    fn encode(&self) -> io::Result<SockAddr> {
        // The union's words in memory order: `id` is { ref, node }, the others as declared.
        let words = match self.name {
            TipcName::ServiceRange { service, lower, upper } => [service, lower, upper],
            TipcName::Service { service, instance, node } => [service, instance, node],
            TipcName::Socket { node, port } => [port, node, 0],
        };
        let mut data = [0u8; DATA_LEN];
        data[0] = self.addr_type();
        data[1] = self.scope.0.to_ne_bytes()[0];
        for (i, w) in words.iter().enumerate() {
            data[2 + 4 * i..6 + 4 * i].copy_from_slice(&w.to_ne_bytes());
        }
        SockAddr::new(libc::AF_TIPC as u16, &data)
    }
}

sock_core::family_addr!(TipcAddr);

impl From<TipcAddr> for SockAddr {
    /// [`FamilyAddr::encode`], which cannot fail for TIPC (16 bytes always fit).
    fn from(addr: TipcAddr) -> SockAddr {
        addr.encode().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_is_sockaddr_tipc() {
        let raw = SockAddr::from(TipcAddr::socket(0x1001, 77).with_scope(Scope::NODE));
        assert_eq!(raw.len(), 16, "sizeof(struct sockaddr_tipc)");
        let b = raw.as_bytes();
        assert_eq!((b[2], b[3]), (TIPC_ADDR_ID, 3));
        assert_eq!(&b[4..8], &77u32.to_ne_bytes(), "ref comes first");
        assert_eq!(&b[8..12], &0x1001u32.to_ne_bytes());
        let raw = TipcAddr::service_range(2000, 200, 210).encode().unwrap();
        assert_eq!(raw.as_bytes()[3], 2, "cluster scope by default, as CPython");
    }

    #[test]
    fn unknown_types_and_short_addresses_are_invalid_input() {
        let mut data = [0u8; DATA_LEN];
        data[0] = 9;
        let e = TipcAddr::decode(&SockAddr::new(libc::AF_TIPC as u16, &data).unwrap()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("unknown TIPC address type 9"), "{e}");
        data[0] = TIPC_ADDR_ID;
        let e = TipcAddr::decode(&SockAddr::new(libc::AF_TIPC as u16, &data[..13]).unwrap()).unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (io::ErrorKind::InvalidInput, "address: too short for a sockaddr_tipc".into())
        );
        assert_eq!(
            TipcAddr::decode(&SockAddr::new(libc::AF_TIPC as u16, &data).unwrap()).unwrap(),
            TipcAddr::socket(0, 0).with_scope(Scope(0))
        );
        let inet = SockAddr::from("127.0.0.1:1".parse::<std::net::SocketAddr>().unwrap());
        let e = TipcAddr::try_from(inet).unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (io::ErrorKind::InvalidInput, "address: AF_INET is not an AF_TIPC address".into())
        );
    }

    pub(crate) fn any_addr() -> impl Strategy<Value = TipcAddr> {
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
            match TipcAddr::decode(&SockAddr::from_bytes(&raw).unwrap()) {
                Ok(a) => prop_assert_eq!(TipcAddr::decode(&a.encode().unwrap()).unwrap(), a),
                Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
            }
        }

        #[test]
        fn round_trips(addr in any_addr()) {
            prop_assert_eq!(TipcAddr::decode(&SockAddr::from(addr)).unwrap(), addr);
            prop_assert_eq!(addr.to_string().parse::<TipcAddr>().unwrap(), addr);
        }
    }
}
