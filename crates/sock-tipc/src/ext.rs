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
///
/// ```no_run
/// use sock::tipc::{TipcSocketExt, TipcAddr, GroupReq};
/// use sock::{Family, Socket, Type};
/// let s = Socket::new(Family::TIPC, Type::RDM, None)?; // needs `modprobe tipc`
/// s.join_group(&GroupReq::new(4711, 1))?;
/// s.set_mcast_replicast()?;
/// s.send_to(b"to every member", TipcAddr::service_range(4711, 0, u32::MAX))?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait TipcSocketExt: sealed::Sealed {
    /// `TIPC_GROUP_JOIN`: joins a communication group (RDM sockets). Messages sent to the
    /// group's service range then reach every member. An error names the group and member
    /// as a TIPC service name: `join_group {4711, 1}: Address already in use (EADDRINUSE)`.
    ///
    /// ```no_run
    /// use sock::tipc::{GroupReq, TipcSocketExt, TIPC_CLUSTER_SCOPE};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::TIPC, Type::RDM, None)?; // needs `modprobe tipc`
    /// s.join_group(&GroupReq { group: 4711, member: 1, scope: TIPC_CLUSTER_SCOPE as u32, flags: 0 })?;
    /// s.leave_group()?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn join_group(&self, req: &GroupReq) -> io::Result<()>;
    /// `TIPC_GROUP_LEAVE`: leaves the group this socket joined.
    ///
    /// ```no_run
    /// use sock::tipc::{GroupReq, TipcSocketExt};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::TIPC, Type::RDM, None)?; // needs `modprobe tipc`
    /// s.join_group(&GroupReq::new(4711, 1))?;
    /// s.leave_group()?;
    /// s.join_group(&GroupReq::new(4711, 2))?; // one group at a time: leave first
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn leave_group(&self) -> io::Result<()>;
    /// `TIPC_MCAST_BROADCAST`: multicast by broadcast.
    ///
    /// ```no_run
    /// use sock::tipc::TipcSocketExt;
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::TIPC, Type::RDM, None)?; // needs `modprobe tipc`
    /// s.set_mcast_broadcast()?;
    /// s.set_mcast_replicast()?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_mcast_broadcast(&self) -> io::Result<()>;
    /// `TIPC_MCAST_REPLICAST`: multicast by replicated unicasts.
    ///
    /// ```no_run
    /// use sock::tipc::{TipcAddr, TipcSocketExt};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::TIPC, Type::RDM, None)?; // needs `modprobe tipc`
    /// s.set_mcast_replicast()?;
    /// s.send_to(b"to every server of 2000", TipcAddr::service_range(2000, 0, u32::MAX))?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_mcast_replicast(&self) -> io::Result<()>;
}

impl TipcSocketExt for Socket {
    fn join_group(&self, req: &GroupReq) -> io::Result<()> {
        self.set(GROUP_JOIN, req)
            .map_err(|e| sock_core::context(e, "join_group", format_args!("{{{}, {}}}", req.group, req.member)))
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
