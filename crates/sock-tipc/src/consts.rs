//! `AF_TIPC` constants under their Python names with the Linux values (`<linux/tipc.h>`),
//! including the newer names of the same values (`TIPC_SERVICE_RANGE` for
//! `TIPC_ADDR_NAMESEQ` ...).

#![allow(missing_docs)] // each constant is the Linux constant of the same name

use libc::c_int;

/// The option level of the `TIPC_*` options.
pub const SOL_TIPC: c_int = libc::SOL_TIPC;

// Address types (`sockaddr_tipc.addrtype`).
pub const TIPC_ADDR_NAMESEQ: u8 = 1;
pub const TIPC_ADDR_MCAST: u8 = 1;
pub const TIPC_ADDR_NAME: u8 = 2;
pub const TIPC_ADDR_ID: u8 = 3;
pub const TIPC_SERVICE_RANGE: u8 = TIPC_ADDR_NAMESEQ;
pub const TIPC_SERVICE_ADDR: u8 = TIPC_ADDR_NAME;
pub const TIPC_SOCKET_ADDR: u8 = TIPC_ADDR_ID;

// Scopes (`sockaddr_tipc.scope`).
pub const TIPC_ZONE_SCOPE: i8 = 1;
pub const TIPC_CLUSTER_SCOPE: i8 = 2;
pub const TIPC_NODE_SCOPE: i8 = 3;

// Socket options (level SOL_TIPC).
pub const TIPC_IMPORTANCE: c_int = 127;
pub const TIPC_SRC_DROPPABLE: c_int = 128;
pub const TIPC_DEST_DROPPABLE: c_int = 129;
pub const TIPC_CONN_TIMEOUT: c_int = 130;
pub const TIPC_NODE_RECVQ_DEPTH: c_int = 131;
pub const TIPC_SOCK_RECVQ_DEPTH: c_int = 132;
pub const TIPC_MCAST_BROADCAST: c_int = 133;
pub const TIPC_MCAST_REPLICAST: c_int = 134;
pub const TIPC_GROUP_JOIN: c_int = 135;
pub const TIPC_GROUP_LEAVE: c_int = 136;
pub const TIPC_SOCK_RECVQ_USED: c_int = 137;
pub const TIPC_NODELAY: c_int = 138;

// TIPC_GROUP_JOIN flags.
pub const TIPC_GROUP_LOOPBACK: u32 = 0x1;
pub const TIPC_GROUP_MEMBER_EVTS: u32 = 0x2;

// Message importance levels.
pub const TIPC_LOW_IMPORTANCE: u32 = 0;
pub const TIPC_MEDIUM_IMPORTANCE: u32 = 1;
pub const TIPC_HIGH_IMPORTANCE: u32 = 2;
pub const TIPC_CRITICAL_IMPORTANCE: u32 = 3;

// Reserved service types.
pub const TIPC_CFG_SRV: u32 = 0;
pub const TIPC_NODE_STATE: u32 = 0;
pub const TIPC_TOP_SRV: u32 = 1;
pub const TIPC_LINK_STATE: u32 = 2;
pub const TIPC_RESERVED_TYPES: u32 = 64;

// Topology service subscriptions and events.
pub const TIPC_SUB_PORTS: u32 = 0x01;
pub const TIPC_SUB_SERVICE: u32 = 0x02;
pub const TIPC_SUB_CANCEL: u32 = 0x04;
/// `(~0)`: a permanent subscription. Python exports it as the C `int` -1; as the `u32` field
/// of `struct tipc_subscr` it is `u32::MAX`.
pub const TIPC_WAIT_FOREVER: i32 = -1;
pub const TIPC_PUBLISHED: u32 = 1;
pub const TIPC_WITHDRAWN: u32 = 2;
pub const TIPC_SUBSCR_TIMEOUT: u32 = 3;

// Ancillary data types (level SOL_TIPC) and rejection reasons.
pub const TIPC_ERRINFO: c_int = 1;
pub const TIPC_RETDATA: c_int = 2;
pub const TIPC_DESTNAME: c_int = 3;
pub const TIPC_OK: u32 = 0;
pub const TIPC_ERR_NO_NAME: u32 = 1;
pub const TIPC_ERR_NO_PORT: u32 = 2;
pub const TIPC_ERR_NO_NODE: u32 = 3;
pub const TIPC_ERR_OVERLOAD: u32 = 4;
pub const TIPC_CONN_SHUTDOWN: u32 = 5;

/// The largest message a TIPC socket sends.
pub const TIPC_MAX_USER_MSG_SIZE: u32 = 66000;

#[cfg(test)]
mod tests {
    use super::*;

    /// The values Python 3.11's `socket` module reports on Linux.
    #[test]
    fn values_match_python() {
        macro_rules! python {
            ($($name:ident = $value:expr,)*) => {$(assert_eq!($name as i64, $value, stringify!($name));)*};
        }
        python!(
            SOL_TIPC = 271,
            TIPC_ADDR_ID = 3,
            TIPC_ADDR_NAME = 2,
            TIPC_ADDR_NAMESEQ = 1,
            TIPC_CFG_SRV = 0,
            TIPC_CLUSTER_SCOPE = 2,
            TIPC_CONN_TIMEOUT = 130,
            TIPC_CRITICAL_IMPORTANCE = 3,
            TIPC_DEST_DROPPABLE = 129,
            TIPC_HIGH_IMPORTANCE = 2,
            TIPC_IMPORTANCE = 127,
            TIPC_LOW_IMPORTANCE = 0,
            TIPC_MEDIUM_IMPORTANCE = 1,
            TIPC_NODE_SCOPE = 3,
            TIPC_PUBLISHED = 1,
            TIPC_SRC_DROPPABLE = 128,
            TIPC_SUBSCR_TIMEOUT = 3,
            TIPC_SUB_CANCEL = 4,
            TIPC_SUB_PORTS = 1,
            TIPC_SUB_SERVICE = 2,
            TIPC_TOP_SRV = 1,
            TIPC_WAIT_FOREVER = -1,
            TIPC_WITHDRAWN = 2,
            TIPC_ZONE_SCOPE = 1,
        );
    }
}
