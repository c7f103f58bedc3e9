//! The `SOL_NETLINK` options: typed declarations for [`Socket::get`]/[`Socket::set`] and the
//! methods of [`NetlinkSocket`] (on/off options take and return `bool`).
//!
//! ```
//! use sock::netlink::{consts::NETLINK_ROUTE, route::RTNLGRP_LINK, NetlinkAddr, NetlinkSocket};
//! let nl = NetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::KERNEL)?;
//! nl.add_membership(RTNLGRP_LINK)?;
//! nl.set_no_enobufs(true)?;
//! assert!(nl.no_enobufs()?);
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io;

use sock_core::SockOpt;
#[cfg(doc)]
use sock_core::Socket;

use crate::consts::{
    NETLINK_ADD_MEMBERSHIP, NETLINK_BROADCAST_ERROR, NETLINK_CAP_ACK, NETLINK_DROP_MEMBERSHIP, NETLINK_EXT_ACK,
    NETLINK_GET_STRICT_CHK, NETLINK_LISTEN_ALL_NSID, NETLINK_NO_ENOBUFS, NETLINK_PKTINFO, SOL_NETLINK,
};
use crate::socket::NetlinkSocket;

/// `NETLINK_ADD_MEMBERSHIP`: join a multicast group (a group number, not a mask; write only).
pub const ADD_MEMBERSHIP: SockOpt<u32> = SockOpt::new(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP);
/// `NETLINK_DROP_MEMBERSHIP`: leave a multicast group (write only).
pub const DROP_MEMBERSHIP: SockOpt<u32> = SockOpt::new(SOL_NETLINK, NETLINK_DROP_MEMBERSHIP);
/// `NETLINK_PKTINFO`: received messages carry a `NETLINK_PKTINFO` item with their group.
pub const PKTINFO: SockOpt<bool> = SockOpt::new(SOL_NETLINK, NETLINK_PKTINFO);
/// `NETLINK_BROADCAST_ERROR`: a failed delivery to this socket fails the kernel's broadcast.
pub const BROADCAST_ERROR: SockOpt<bool> = SockOpt::new(SOL_NETLINK, NETLINK_BROADCAST_ERROR);
/// `NETLINK_NO_ENOBUFS`: no `ENOBUFS` error when multicast messages were dropped.
pub const NO_ENOBUFS: SockOpt<bool> = SockOpt::new(SOL_NETLINK, NETLINK_NO_ENOBUFS);
/// `NETLINK_LISTEN_ALL_NSID`: receive multicast messages of every peer network namespace.
pub const LISTEN_ALL_NSID: SockOpt<bool> = SockOpt::new(SOL_NETLINK, NETLINK_LISTEN_ALL_NSID);
/// `NETLINK_CAP_ACK`: acknowledgements of errors do not echo the whole request.
pub const CAP_ACK: SockOpt<bool> = SockOpt::new(SOL_NETLINK, NETLINK_CAP_ACK);
/// `NETLINK_EXT_ACK`: error acknowledgements carry extended attributes (message, offset).
pub const EXT_ACK: SockOpt<bool> = SockOpt::new(SOL_NETLINK, NETLINK_EXT_ACK);
/// `NETLINK_GET_STRICT_CHK`: the kernel checks dump requests strictly (and filters them).
pub const GET_STRICT_CHK: SockOpt<bool> = SockOpt::new(SOL_NETLINK, NETLINK_GET_STRICT_CHK);

macro_rules! bool_opts {
    ($($(#[$doc:meta])* $get:ident, $set:ident = $opt:ident;)*) => {
        impl NetlinkSocket {
            $(
                $(#[$doc])*
                pub fn $get(&self) -> io::Result<bool> {
                    self.as_ref().get($opt)
                }

                #[doc = concat!("Sets the option that [`", stringify!($get), "`](NetlinkSocket::", stringify!($get), ") reads.")]
                pub fn $set(&self, on: bool) -> io::Result<()> {
                    self.as_ref().set($opt, &on)
                }
            )*
        }
    };
}

bool_opts! {
    /// `NETLINK_PKTINFO`: whether received messages carry their multicast group.
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// assert!(!nl.pkt_info()?);
    /// nl.set_pkt_info(true)?;
    /// assert!(nl.pkt_info()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pkt_info, set_pkt_info = PKTINFO;
    /// `NETLINK_BROADCAST_ERROR`: whether a failed delivery here fails the broadcast.
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// assert!(!nl.broadcast_error()?);
    /// nl.set_broadcast_error(true)?;
    /// assert!(nl.broadcast_error()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    broadcast_error, set_broadcast_error = BROADCAST_ERROR;
    /// `NETLINK_NO_ENOBUFS`: whether dropped multicast messages go unreported (no `ENOBUFS`).
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// assert!(!nl.no_enobufs()?);
    /// nl.set_no_enobufs(true)?;
    /// assert!(nl.no_enobufs()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    no_enobufs, set_no_enobufs = NO_ENOBUFS;
    /// `NETLINK_LISTEN_ALL_NSID`: whether multicast of every peer namespace is received.
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// assert!(!nl.listen_all_nsid()?);
    /// match nl.set_listen_all_nsid(true) {
    ///     Ok(()) => assert!(nl.listen_all_nsid()?),
    ///     Err(e) => assert_eq!(sock::errno(&e), Some(libc::EPERM)), // needs CAP_NET_BROADCAST
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    listen_all_nsid, set_listen_all_nsid = LISTEN_ALL_NSID;
    /// `NETLINK_CAP_ACK`: whether error acknowledgements leave out the request's payload.
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// assert!(!nl.cap_ack()?);
    /// nl.set_cap_ack(true)?;
    /// assert!(nl.cap_ack()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    cap_ack, set_cap_ack = CAP_ACK;
    /// `NETLINK_EXT_ACK`: whether acknowledgements carry extended error attributes
    /// ([`NetlinkSocket::new`] turns it on where the kernel has it).
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// assert!(nl.ext_ack()?); // NetlinkSocket::new turns it on
    /// nl.set_ext_ack(false)?;
    /// assert!(!nl.ext_ack()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    ext_ack, set_ext_ack = EXT_ACK;
    /// `NETLINK_GET_STRICT_CHK`: whether dump requests are checked strictly.
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// assert!(!nl.strict_check()?);
    /// nl.set_strict_check(true)?;
    /// assert!(nl.strict_check()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    strict_check, set_strict_check = GET_STRICT_CHK;
}

impl NetlinkSocket {
    /// Joins multicast group `group` (a group number such as `RTNLGRP_LINK`, not a mask).
    ///
    /// Joining does not bind, and the kernel delivers its broadcasts only to bound sockets
    /// (an unbound socket's port id is 0, the kernel's own): make a listener with
    /// [`NetlinkSocket::bound`] (`NetlinkAddr::KERNEL` lets the kernel pick the port id).
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::RTNLGRP_LINK, NetlinkAddr, NetlinkSocket};
    /// let nl = NetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::KERNEL)?;
    /// nl.add_membership(RTNLGRP_LINK)?;
    /// // Group numbers up to 32 show in the legacy mask too (group n is bit n - 1).
    /// assert_eq!(nl.local_addr()?.groups, 1 << (RTNLGRP_LINK - 1));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn add_membership(&self, group: u32) -> io::Result<()> {
        self.as_ref().set(ADD_MEMBERSHIP, &group)
    }

    /// Leaves multicast group `group`.
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::RTNLGRP_LINK, NetlinkAddr, NetlinkSocket};
    /// let nl = NetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::KERNEL)?;
    /// nl.add_membership(RTNLGRP_LINK)?;
    /// nl.drop_membership(RTNLGRP_LINK)?;
    /// assert_eq!(nl.local_addr()?.groups, 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn drop_membership(&self, group: u32) -> io::Result<()> {
        self.as_ref().set(DROP_MEMBERSHIP, &group)
    }
}
