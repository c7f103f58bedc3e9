//! [`NetlinkSocket`]: a [`Socket`] of family `AF_NETLINK` with the chores of the protocol.

use std::io;
use std::sync::atomic::{AtomicU32, Ordering};

use sock_core::{Family, Protocol, Socket, Type};

use crate::addr::NetlinkAddr;
use crate::consts::{
    NETLINK_ADD_MEMBERSHIP, NETLINK_DROP_MEMBERSHIP, NETLINK_EXT_ACK, NLMSG_DONE, NLMSG_ERROR, NLM_F_ACK,
    NLM_F_REQUEST, SOL_NETLINK,
};
use crate::msg::{NlMsg, NlMsgBuilder, NlMsgIter};

/// The receive buffer of [`NetlinkSocket::request_ack`] and [`NetlinkSocket::dump`]: the kernel
/// sends dump parts of at most 32 KiB.
const RECV_BUF: usize = 64 * 1024;

/// A netlink socket: a [`Socket`] plus a sequence counter, with helpers for group membership,
/// acknowledged requests and dumps. Everything else (timeouts, `recv`, `send_msg`...) is on
/// the inner socket ([`AsRef<Socket>`], [`NetlinkSocket::into_inner`]).
///
/// ```
/// use sock_netlink::{consts::NETLINK_ROUTE, NetlinkSocket};
/// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
/// assert_ne!(nl.local_addr()?.pid, 0); // autobound by the constructor
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct NetlinkSocket {
    socket: Socket,
    seq: AtomicU32,
}

impl NetlinkSocket {
    /// `socket(AF_NETLINK, SOCK_RAW, protocol)` for `NETLINK_ROUTE`, `NETLINK_GENERIC`...,
    /// bound to a kernel-chosen port id, with extended acknowledgements requested where the
    /// kernel has them.
    pub fn new(protocol: i32) -> io::Result<Self> {
        let socket = Socket::new(Family::NETLINK, Type::RAW, Some(Protocol(protocol)))?;
        socket.bind(NetlinkAddr::new(0, 0))?;
        // Older kernels lack NETLINK_EXT_ACK; errors are then plain errno values.
        let _ = socket.setsockopt_int(SOL_NETLINK, NETLINK_EXT_ACK, 1);
        Ok(NetlinkSocket { socket, seq: AtomicU32::new(1) })
    }

    /// Wraps an existing `AF_NETLINK` socket (bound or not) as it is.
    pub fn from_socket(socket: Socket) -> Self {
        NetlinkSocket { socket, seq: AtomicU32::new(1) }
    }

    /// The inner socket.
    pub fn into_inner(self) -> Socket {
        self.socket
    }

    /// `getsockname`: this socket's port id and subscribed legacy groups.
    pub fn local_addr(&self) -> io::Result<NetlinkAddr> {
        NetlinkAddr::from_sock_addr(&self.socket.local_addr()?)
    }

    /// Joins multicast group `group` (a group number such as `RTNLGRP_LINK`, not a mask).
    pub fn add_membership(&self, group: u32) -> io::Result<()> {
        let group = i32::try_from(group).map_err(|_| sock_core::invalid_input("group", "out of range"))?;
        self.socket.setsockopt_int(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group)
    }

    /// Leaves multicast group `group`.
    pub fn drop_membership(&self, group: u32) -> io::Result<()> {
        let group = i32::try_from(group).map_err(|_| sock_core::invalid_input("group", "out of range"))?;
        self.socket.setsockopt_int(SOL_NETLINK, NETLINK_DROP_MEMBERSHIP, group)
    }

    /// Sends `msg` to the kernel with the next sequence number and `NLM_F_REQUEST`; returns
    /// that sequence number.
    pub fn send_request(&self, mut msg: NlMsgBuilder) -> io::Result<u32> {
        let seq = self.seq.fetch_add(1, Ordering::Relaxed);
        let flags = msg.header().flags | NLM_F_REQUEST;
        msg.set_seq(seq).set_flags(flags);
        self.socket.send_to(&msg.into_bytes(), 0, NetlinkAddr::KERNEL)?;
        Ok(seq)
    }

    /// Receives one datagram (one or more messages) into `buf`. A datagram larger than `buf`
    /// is an `InvalidData` error rather than silently cut messages.
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        let mut bufs = [io::IoSliceMut::new(buf)];
        let got = self.socket.recv_msg(&mut bufs, &mut [], 0)?;
        if got.is_truncated() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "netlink datagram larger than the buffer"));
        }
        Ok(got.bytes)
    }

    /// Receives until the kernel answers sequence `seq` with a status (`NLMSG_ERROR`, or
    /// `NLMSG_DONE` for a dump), passing every other message of that sequence to `each`.
    fn collect(&self, seq: u32, mut each: impl FnMut(NlMsg<'_>) -> io::Result<()>) -> io::Result<()> {
        let mut buf = vec![0u8; RECV_BUF];
        loop {
            let n = self.recv(&mut buf)?;
            for msg in NlMsgIter::new(&buf[..n]) {
                let msg = msg?;
                if msg.header.seq != seq {
                    continue;
                }
                match msg.header.ty {
                    NLMSG_ERROR | NLMSG_DONE => return msg.status().unwrap_or(Ok(())),
                    _ => each(msg)?,
                }
            }
        }
    }

    /// Sends `msg` with `NLM_F_ACK` and waits for the kernel's acknowledgement: `Ok(())`, or
    /// the OS error the kernel answered (`EEXIST`, `EPERM`...). Replies of the same sequence
    /// that come before the acknowledgement (with `NLM_F_ECHO`) are skipped.
    pub fn request_ack(&self, mut msg: NlMsgBuilder) -> io::Result<()> {
        let flags = msg.header().flags | NLM_F_ACK;
        msg.set_flags(flags);
        let seq = self.send_request(msg)?;
        self.collect(seq, |_| Ok(()))
    }

    /// Sends a dump request (`msg` should carry `NLM_F_DUMP`) and calls `each` for every reply
    /// until `NLMSG_DONE`; an error reply, or an error of `each`, ends the dump with that error.
    pub fn dump(&self, msg: NlMsgBuilder, each: impl FnMut(NlMsg<'_>) -> io::Result<()>) -> io::Result<()> {
        let seq = self.send_request(msg)?;
        self.collect(seq, each)
    }
}

impl AsRef<Socket> for NetlinkSocket {
    fn as_ref(&self) -> &Socket {
        &self.socket
    }
}

impl From<NetlinkSocket> for Socket {
    fn from(nl: NetlinkSocket) -> Socket {
        nl.socket
    }
}
