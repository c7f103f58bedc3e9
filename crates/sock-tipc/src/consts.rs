//! `AF_TIPC` constants under their Python names with the Linux values (`<linux/tipc.h>`),
//! including the newer names of the same values (`TIPC_SERVICE_RANGE` for
//! `TIPC_ADDR_NAMESEQ` ...).

use libc::c_int;

/// The option level of the `TIPC_*` options.
pub const SOL_TIPC: c_int = libc::SOL_TIPC;

// Address types (`sockaddr_tipc.addrtype`).
/// `TIPC_ADDR_NAMESEQ`: `sockaddr_tipc.addrtype`: a service range `{type, lower, upper}` (bind a range, multicast to one).
pub const TIPC_ADDR_NAMESEQ: u8 = 1;
/// `TIPC_ADDR_MCAST`: `sockaddr_tipc.addrtype`: multicast destination, the same value as `TIPC_ADDR_NAMESEQ`.
pub const TIPC_ADDR_MCAST: u8 = 1;
/// `TIPC_ADDR_NAME`: `sockaddr_tipc.addrtype`: a service address `{type, instance}` (with a lookup domain).
pub const TIPC_ADDR_NAME: u8 = 2;
/// `TIPC_ADDR_ID`: `sockaddr_tipc.addrtype`: a socket id `<ref:node>` (port reference and node).
pub const TIPC_ADDR_ID: u8 = 3;
/// `TIPC_SERVICE_RANGE`: the newer name of `TIPC_ADDR_NAMESEQ`: a service range.
pub const TIPC_SERVICE_RANGE: u8 = TIPC_ADDR_NAMESEQ;
/// `TIPC_SERVICE_ADDR`: the newer name of `TIPC_ADDR_NAME`: a service address.
pub const TIPC_SERVICE_ADDR: u8 = TIPC_ADDR_NAME;
/// `TIPC_SOCKET_ADDR`: the newer name of `TIPC_ADDR_ID`: a socket address.
pub const TIPC_SOCKET_ADDR: u8 = TIPC_ADDR_ID;

// Scopes (`sockaddr_tipc.scope`).
/// `TIPC_ZONE_SCOPE`: `sockaddr_tipc.scope`: visible in the zone (treated as cluster scope since Linux 4.17).
pub const TIPC_ZONE_SCOPE: i8 = 1;
/// `TIPC_CLUSTER_SCOPE`: `sockaddr_tipc.scope`: binding visible in the whole cluster.
pub const TIPC_CLUSTER_SCOPE: i8 = 2;
/// `TIPC_NODE_SCOPE`: `sockaddr_tipc.scope`: binding visible on this node only.
pub const TIPC_NODE_SCOPE: i8 = 3;

// Socket options (level SOL_TIPC).
/// `TIPC_IMPORTANCE`: option (`u32`): the importance of sent messages, `TIPC_*_IMPORTANCE` (overload drops less important ones first).
pub const TIPC_IMPORTANCE: c_int = 127;
/// `TIPC_SRC_DROPPABLE`: option (`u32`, on/off): messages may be dropped under congestion instead of blocking the sender.
pub const TIPC_SRC_DROPPABLE: c_int = 128;
/// `TIPC_DEST_DROPPABLE`: option (`u32`, on/off): an undeliverable message is dropped instead of returned to the sender.
pub const TIPC_DEST_DROPPABLE: c_int = 129;
/// `TIPC_CONN_TIMEOUT`: option (`u32`, milliseconds): how long `connect` waits (default 8000).
pub const TIPC_CONN_TIMEOUT: c_int = 130;
/// `TIPC_NODE_RECVQ_DEPTH`: option (`u32`, read only): messages queued for all sockets of this node.
pub const TIPC_NODE_RECVQ_DEPTH: c_int = 131;
/// `TIPC_SOCK_RECVQ_DEPTH`: option (`u32`, read only): messages in this socket's receive queue.
pub const TIPC_SOCK_RECVQ_DEPTH: c_int = 132;
/// `TIPC_MCAST_BROADCAST`: option (no value, write only): send multicast by broadcast.
pub const TIPC_MCAST_BROADCAST: c_int = 133;
/// `TIPC_MCAST_REPLICAST`: option (no value, write only): send multicast by replicated unicast.
pub const TIPC_MCAST_REPLICAST: c_int = 134;
/// `TIPC_GROUP_JOIN`: option (`struct tipc_group_req`, write only): join a communication group.
pub const TIPC_GROUP_JOIN: c_int = 135;
/// `TIPC_GROUP_LEAVE`: option (no value, write only): leave the communication group.
pub const TIPC_GROUP_LEAVE: c_int = 136;
/// `TIPC_SOCK_RECVQ_USED`: option (`u32`, read only): bytes in this socket's receive queue.
pub const TIPC_SOCK_RECVQ_USED: c_int = 137;
/// `TIPC_NODELAY`: option (`u32`, on/off): no Nagle-like bundling of small messages on stream sockets.
pub const TIPC_NODELAY: c_int = 138;

// TIPC_GROUP_JOIN flags.
/// `TIPC_GROUP_LOOPBACK`: `TIPC_GROUP_JOIN` flag: the member receives its own broadcasts.
pub const TIPC_GROUP_LOOPBACK: u32 = 0x1;
/// `TIPC_GROUP_MEMBER_EVTS`: `TIPC_GROUP_JOIN` flag: receive join/leave events of the other members.
pub const TIPC_GROUP_MEMBER_EVTS: u32 = 0x2;

// Message importance levels.
/// `TIPC_LOW_IMPORTANCE`: message importance 0 (the default): dropped first under overload.
pub const TIPC_LOW_IMPORTANCE: u32 = 0;
/// `TIPC_MEDIUM_IMPORTANCE`: message importance 1.
pub const TIPC_MEDIUM_IMPORTANCE: u32 = 1;
/// `TIPC_HIGH_IMPORTANCE`: message importance 2.
pub const TIPC_HIGH_IMPORTANCE: u32 = 2;
/// `TIPC_CRITICAL_IMPORTANCE`: message importance 3: dropped last.
pub const TIPC_CRITICAL_IMPORTANCE: u32 = 3;

// Reserved service types.
/// `TIPC_CFG_SRV`: reserved service type 0: the configuration service (old name of `TIPC_NODE_STATE`).
pub const TIPC_CFG_SRV: u32 = 0;
/// `TIPC_NODE_STATE`: reserved service type 0: one binding per reachable node (subscribe to watch nodes come and go).
pub const TIPC_NODE_STATE: u32 = 0;
/// `TIPC_TOP_SRV`: reserved service type 1: the topology server, to which subscriptions are sent.
pub const TIPC_TOP_SRV: u32 = 1;
/// `TIPC_LINK_STATE`: reserved service type 2: one binding per working link (subscribe to watch links).
pub const TIPC_LINK_STATE: u32 = 2;
/// `TIPC_RESERVED_TYPES`: service types below this (64) are reserved for TIPC itself; user services start here.
pub const TIPC_RESERVED_TYPES: u32 = 64;

// Topology service subscriptions and events.
/// `TIPC_SUB_PORTS`: subscription filter: an event for every matching binding (publication and withdrawal).
pub const TIPC_SUB_PORTS: u32 = 0x01;
/// `TIPC_SUB_SERVICE`: subscription filter: events only when the range gets its first or loses its last binding.
pub const TIPC_SUB_SERVICE: u32 = 0x02;
/// `TIPC_SUB_CANCEL`: subscription filter: cancel an existing identical subscription.
pub const TIPC_SUB_CANCEL: u32 = 0x04;
/// `(~0)`: a permanent subscription. Python exports it as the C `int` -1; as the `u32` field
/// of `struct tipc_subscr` it is `u32::MAX`.
pub const TIPC_WAIT_FOREVER: i32 = -1;
/// `TIPC_PUBLISHED`: topology event: a matching binding was published.
pub const TIPC_PUBLISHED: u32 = 1;
/// `TIPC_WITHDRAWN`: topology event: a matching binding was withdrawn.
pub const TIPC_WITHDRAWN: u32 = 2;
/// `TIPC_SUBSCR_TIMEOUT`: topology event: the subscription timed out (and ended).
pub const TIPC_SUBSCR_TIMEOUT: u32 = 3;

// Ancillary data types (level SOL_TIPC) and rejection reasons.
/// `TIPC_ERRINFO`: ancillary type (level `SOL_TIPC`): why a returned message was rejected: error code (`TIPC_ERR_*`) and data length, two `u32`s.
pub const TIPC_ERRINFO: c_int = 1;
/// `TIPC_RETDATA`: ancillary type: the data of a returned (rejected) message.
pub const TIPC_RETDATA: c_int = 2;
/// `TIPC_DESTNAME`: ancillary type: the service range a message was sent to: type, lower, upper (three `u32`s).
pub const TIPC_DESTNAME: c_int = 3;
/// `TIPC_OK`: rejection reason 0: no error.
pub const TIPC_OK: u32 = 0;
/// `TIPC_ERR_NO_NAME`: rejection reason: no socket is bound to the destination service.
pub const TIPC_ERR_NO_NAME: u32 = 1;
/// `TIPC_ERR_NO_PORT`: rejection reason: the destination socket does not exist.
pub const TIPC_ERR_NO_PORT: u32 = 2;
/// `TIPC_ERR_NO_NODE`: rejection reason: the destination node is unreachable.
pub const TIPC_ERR_NO_NODE: u32 = 3;
/// `TIPC_ERR_OVERLOAD`: rejection reason: the destination's receive queue is full.
pub const TIPC_ERR_OVERLOAD: u32 = 4;
/// `TIPC_CONN_SHUTDOWN`: rejection reason: the connection was shut down normally.
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
