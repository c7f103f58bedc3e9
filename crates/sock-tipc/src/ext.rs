//! [`TipcSocketExt`]: the TIPC options of a [`Socket`] that take a struct or no value at all
//! (group membership, multicast mode).

use std::io;

use sock_core::Socket;

use crate::consts::{SOL_TIPC, TIPC_GROUP_LEAVE, TIPC_MCAST_BROADCAST, TIPC_MCAST_REPLICAST};
use crate::options::{GroupReq, GROUP_JOIN};

mod sealed {
    pub trait Sealed {}
    impl Sealed for sock_core::Socket {}
}

/// TIPC options of a [`Socket`] that take a struct or no value at all. Sealed: implemented
/// for [`Socket`] only.
pub trait TipcSocketExt: sealed::Sealed {
    /// `TIPC_GROUP_JOIN`: joins a communication group (RDM sockets). Messages sent to the
    /// group's service range then reach every member.
    fn join_group(&self, req: &GroupReq) -> io::Result<()>;
    /// `TIPC_GROUP_LEAVE`: leaves the group this socket joined.
    fn leave_group(&self) -> io::Result<()>;
    /// `TIPC_MCAST_BROADCAST`: multicast by broadcast.
    fn set_mcast_broadcast(&self) -> io::Result<()>;
    /// `TIPC_MCAST_REPLICAST`: multicast by replicated unicasts.
    fn set_mcast_replicast(&self) -> io::Result<()>;
}

impl TipcSocketExt for Socket {
    fn join_group(&self, req: &GroupReq) -> io::Result<()> {
        self.set(GROUP_JOIN, req)
    }

    fn leave_group(&self) -> io::Result<()> {
        self.setsockopt_null(SOL_TIPC, TIPC_GROUP_LEAVE, 0)
    }

    fn set_mcast_broadcast(&self) -> io::Result<()> {
        self.setsockopt_null(SOL_TIPC, TIPC_MCAST_BROADCAST, 0)
    }

    fn set_mcast_replicast(&self) -> io::Result<()> {
        self.setsockopt_null(SOL_TIPC, TIPC_MCAST_REPLICAST, 0)
    }
}
