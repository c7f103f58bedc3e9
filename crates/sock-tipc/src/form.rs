//! CPython's tuple form of a TIPC address, `(addr_type, v1, v2, v3, scope)`, as numbers.

use std::io;

use sock_core::invalid_input;

use crate::addr::{Scope, TipcAddr, TipcName};
use crate::consts::{TIPC_ADDR_ID, TIPC_ADDR_NAME, TIPC_ADDR_NAMESEQ};

impl TipcAddr {
    /// CPython's `(addr_type, v1, v2, v3)` numbers, for interop with code that mirrors the tuple
    /// (`(TIPC_ADDR_ID, node, ref, 0)` for a socket id).
    ///
    /// ```
    /// use sock::tipc::{TipcAddr, TIPC_ADDR_ID, TIPC_ADDR_NAME, TIPC_CLUSTER_SCOPE};
    /// assert_eq!(TipcAddr::socket(4711, 3000).to_tuple(), (TIPC_ADDR_ID, 4711, 3000, 0, TIPC_CLUSTER_SCOPE));
    /// assert_eq!(TipcAddr::service(2000, 7).to_tuple(), (TIPC_ADDR_NAME, 2000, 7, 0, TIPC_CLUSTER_SCOPE));
    /// ```
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
    ///
    /// ```
    /// use sock::tipc::{TipcAddr, TIPC_ADDR_NAMESEQ, TIPC_NODE_SCOPE};
    /// // Python: (TIPC_ADDR_NAMESEQ, 2000, 0, 99, TIPC_NODE_SCOPE)
    /// let a = TipcAddr::from_tuple(TIPC_ADDR_NAMESEQ, 2000, 0, 99, TIPC_NODE_SCOPE)?;
    /// assert_eq!(a.to_string(), "{2000,0,99}/node");
    /// assert_eq!(TipcAddr::from_tuple(9, 0, 0, 0, 0).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_tuple(addr_type: u8, v1: u32, v2: u32, v3: u32, scope: i8) -> io::Result<TipcAddr> {
        let name = match addr_type {
            TIPC_ADDR_NAMESEQ => TipcName::ServiceRange { service: v1, lower: v2, upper: v3 },
            TIPC_ADDR_NAME => TipcName::Service { service: v1, instance: v2, node: v3 },
            TIPC_ADDR_ID => TipcName::Socket { node: v1, port: v2 },
            _ => return Err(invalid_input("addr_type", "expected TIPC_ADDR_NAMESEQ, TIPC_ADDR_NAME or TIPC_ADDR_ID")),
        };
        Ok(TipcAddr { name, scope: Scope(scope) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::TIPC_CLUSTER_SCOPE;

    #[test]
    fn cpython_tuples() {
        let a = TipcAddr::from_tuple(TIPC_ADDR_NAMESEQ, 2000, 200, 210, TIPC_CLUSTER_SCOPE).unwrap();
        assert_eq!(a, TipcAddr::service_range(2000, 200, 210));
        assert_eq!(TipcAddr::service(2000, 205).to_tuple(), (TIPC_ADDR_NAME, 2000, 205, 0, 2));
        assert_eq!(TipcAddr::socket(1, 2).to_tuple(), (TIPC_ADDR_ID, 1, 2, 0, 2));
        let e = TipcAddr::from_tuple(4, 0, 0, 0, 2).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().starts_with("addr_type"));
    }
}
