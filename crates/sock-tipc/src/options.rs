//! TIPC socket options (level `SOL_TIPC`): typed declarations for
//! [`Socket::get`](sock_core::Socket::get)/[`Socket::set`](sock_core::Socket::set) (on/off options are `SockOpt<bool>`); the options without a
//! plain value are the methods of [`TipcSocketExt`](crate::TipcSocketExt).
//!
//! ```no_run
//! use sock::{Family, Socket, Type};
//! use sock::tipc::{DEST_DROPPABLE, IMPORTANCE, TIPC_HIGH_IMPORTANCE};
//! let s = Socket::new(Family::TIPC, Type::RDM, None)?;
//! s.set(IMPORTANCE, &TIPC_HIGH_IMPORTANCE)?;
//! assert_eq!(s.get(IMPORTANCE)?, TIPC_HIGH_IMPORTANCE);
//! s.set(DEST_DROPPABLE, &true)?;
//! # Ok::<(), std::io::Error>(())
//! ```

use sock_core::pod::Pod;
use sock_core::SockOpt;

use crate::addr::Scope;
use crate::consts::*;

/// `TIPC_IMPORTANCE`: `TIPC_LOW_IMPORTANCE` ..= `TIPC_CRITICAL_IMPORTANCE`.
pub const IMPORTANCE: SockOpt<u32> = SockOpt::new(SOL_TIPC, TIPC_IMPORTANCE);
/// `TIPC_SRC_DROPPABLE`: drop messages on congestion instead of blocking.
pub const SRC_DROPPABLE: SockOpt<bool> = SockOpt::new(SOL_TIPC, TIPC_SRC_DROPPABLE);
/// `TIPC_DEST_DROPPABLE`: drop undeliverable messages instead of returning them.
pub const DEST_DROPPABLE: SockOpt<bool> = SockOpt::new(SOL_TIPC, TIPC_DEST_DROPPABLE);
/// `TIPC_CONN_TIMEOUT`: the connect timeout in milliseconds (default 8000).
pub const CONN_TIMEOUT: SockOpt<u32> = SockOpt::new(SOL_TIPC, TIPC_CONN_TIMEOUT);
/// `TIPC_NODE_RECVQ_DEPTH` (read only): messages queued for the node.
pub const NODE_RECVQ_DEPTH: SockOpt<u32> = SockOpt::new(SOL_TIPC, TIPC_NODE_RECVQ_DEPTH);
/// `TIPC_SOCK_RECVQ_DEPTH` (read only): messages queued on this socket.
pub const SOCK_RECVQ_DEPTH: SockOpt<u32> = SockOpt::new(SOL_TIPC, TIPC_SOCK_RECVQ_DEPTH);
/// `TIPC_SOCK_RECVQ_USED` (read only): bytes queued on this socket.
pub const SOCK_RECVQ_USED: SockOpt<u32> = SockOpt::new(SOL_TIPC, TIPC_SOCK_RECVQ_USED);
/// `TIPC_NODELAY`: disable the Nagle-like bundling of stream sockets. Write-only: the kernel
/// answers `getsockopt` with `EINVAL`.
pub const NODELAY: SockOpt<bool> = SockOpt::new(SOL_TIPC, TIPC_NODELAY);
pub(crate) const GROUP_JOIN: SockOpt<GroupReq> = SockOpt::new(SOL_TIPC, TIPC_GROUP_JOIN);

/// `struct tipc_group_req`, the argument of `TIPC_GROUP_JOIN`: join communication group
/// `group` (a service type) as member `member` (an instance).
///
/// ```
/// use sock::tipc::{GroupReq, Scope, TIPC_GROUP_LOOPBACK};
/// let req = GroupReq::new(4711, 1).with_scope(Scope::NODE).with_flags(TIPC_GROUP_LOOPBACK);
/// assert_eq!(req.scope, 3);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct GroupReq {
    /// The group id: a service type (`type`).
    pub group: u32,
    /// This member's id: an instance (`instance`).
    pub member: u32,
    /// `TIPC_CLUSTER_SCOPE` or `TIPC_NODE_SCOPE`.
    pub scope: u32,
    /// `TIPC_GROUP_LOOPBACK`, `TIPC_GROUP_MEMBER_EVTS`.
    pub flags: u32,
}

// SAFETY: four `u32` fields in a `repr(C)` struct: no padding, and every bit pattern is a
// valid value.
unsafe impl Pod for GroupReq {}

impl GroupReq {
    /// Member `member` of group `group`, cluster scope, no flags.
    ///
    /// ```
    /// use sock::tipc::{GroupReq, TIPC_CLUSTER_SCOPE};
    /// let req = GroupReq::new(4711, 1);
    /// assert_eq!((req.group, req.member, req.scope, req.flags), (4711, 1, TIPC_CLUSTER_SCOPE as u32, 0));
    /// ```
    pub const fn new(group: u32, member: u32) -> GroupReq {
        GroupReq { group, member, scope: TIPC_CLUSTER_SCOPE as u32, flags: 0 }
    }

    /// This request with another scope.
    ///
    /// ```
    /// use sock::tipc::{GroupReq, Scope, TIPC_NODE_SCOPE};
    /// assert_eq!(GroupReq::new(4711, 1).with_scope(Scope::NODE).scope, TIPC_NODE_SCOPE as u32);
    /// ```
    pub const fn with_scope(self, scope: Scope) -> GroupReq {
        GroupReq { scope: scope.0 as u32, ..self }
    }

    /// This request with `flags` (`TIPC_GROUP_LOOPBACK | TIPC_GROUP_MEMBER_EVTS`).
    ///
    /// ```
    /// use sock::tipc::{GroupReq, TIPC_GROUP_LOOPBACK, TIPC_GROUP_MEMBER_EVTS};
    /// let req = GroupReq::new(4711, 1).with_flags(TIPC_GROUP_LOOPBACK | TIPC_GROUP_MEMBER_EVTS);
    /// assert_eq!(req.flags, TIPC_GROUP_LOOPBACK | TIPC_GROUP_MEMBER_EVTS);
    /// ```
    pub const fn with_flags(self, flags: u32) -> GroupReq {
        GroupReq { flags, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_req_is_tipc_group_req() {
        assert_eq!(std::mem::size_of::<GroupReq>(), 16);
        let req = GroupReq::new(1, 2).with_flags(TIPC_GROUP_MEMBER_EVTS);
        let bytes = sock_core::pod::bytes_of(&req);
        assert_eq!(&bytes[8..12], &2u32.to_ne_bytes());
        assert_eq!(&bytes[12..16], &2u32.to_ne_bytes());
    }

    #[test]
    fn on_off_options_are_bool() {
        let _: SockOpt<bool> = SRC_DROPPABLE;
        let _: SockOpt<bool> = DEST_DROPPABLE;
        let _: SockOpt<bool> = NODELAY;
    }
}
