//! Netlink constants under their Python/Linux names with the Linux values of
//! `<linux/netlink.h>`: protocols (`NETLINK_ROUTE`...), socket options at [`SOL_NETLINK`],
//! message flags (`NLM_F_*`) and the control message types (`NLMSG_*`).
//!
//! CPython 3.11 exports `NETLINK_ROUTE`, `NETLINK_USERSOCK`, `NETLINK_FIREWALL`,
//! `NETLINK_NFLOG`, `NETLINK_XFRM`, `NETLINK_IP6_FW`, `NETLINK_DNRTMSG` and `NETLINK_CRYPTO`;
//! the others are the rest of the kernel's list.

// The same item as sock-core's, so flat glob re-exports of both never clash.
pub use sock_core::consts::AF_NETLINK;

// Protocols: the third argument of socket(AF_NETLINK, ...) (values from libc).
/// `NETLINK_ROUTE`: routing and link management (rtnetlink: links, addresses, routes, neighbours).
pub const NETLINK_ROUTE: i32 = libc::NETLINK_ROUTE;
/// `NETLINK_UNUSED`: unused protocol number.
pub const NETLINK_UNUSED: i32 = libc::NETLINK_UNUSED;
/// `NETLINK_USERSOCK`: reserved for user-mode socket protocols.
pub const NETLINK_USERSOCK: i32 = libc::NETLINK_USERSOCK;
/// `NETLINK_FIREWALL`: old IPv4 firewall packet queueing (removed from Linux).
pub const NETLINK_FIREWALL: i32 = libc::NETLINK_FIREWALL;
/// `NETLINK_SOCK_DIAG`: socket monitoring (`ss`: inet, unix, packet, netlink diag).
pub const NETLINK_SOCK_DIAG: i32 = libc::NETLINK_SOCK_DIAG;
/// `NETLINK_INET_DIAG`: the old name of `NETLINK_SOCK_DIAG`.
pub const NETLINK_INET_DIAG: i32 = NETLINK_SOCK_DIAG;
/// `NETLINK_NFLOG`: old netfilter/iptables ULOG.
pub const NETLINK_NFLOG: i32 = libc::NETLINK_NFLOG;
/// `NETLINK_XFRM`: IPsec (xfrm) policies and states.
pub const NETLINK_XFRM: i32 = libc::NETLINK_XFRM;
/// `NETLINK_SELINUX`: SELinux event notifications.
pub const NETLINK_SELINUX: i32 = libc::NETLINK_SELINUX;
/// `NETLINK_ISCSI`: Open-iSCSI.
pub const NETLINK_ISCSI: i32 = libc::NETLINK_ISCSI;
/// `NETLINK_AUDIT`: the audit subsystem.
pub const NETLINK_AUDIT: i32 = libc::NETLINK_AUDIT;
/// `NETLINK_FIB_LOOKUP`: FIB lookups from user space.
pub const NETLINK_FIB_LOOKUP: i32 = libc::NETLINK_FIB_LOOKUP;
/// `NETLINK_CONNECTOR`: the kernel connector (proc events ...).
pub const NETLINK_CONNECTOR: i32 = libc::NETLINK_CONNECTOR;
/// `NETLINK_NETFILTER`: netfilter subsystems (nftables, conntrack, queue, log).
pub const NETLINK_NETFILTER: i32 = libc::NETLINK_NETFILTER;
/// `NETLINK_IP6_FW`: old IPv6 firewall packet queueing (removed from Linux).
pub const NETLINK_IP6_FW: i32 = libc::NETLINK_IP6_FW;
/// `NETLINK_DNRTMSG`: DECnet routing messages.
pub const NETLINK_DNRTMSG: i32 = libc::NETLINK_DNRTMSG;
/// `NETLINK_KOBJECT_UEVENT`: kernel object events to user space (udev).
pub const NETLINK_KOBJECT_UEVENT: i32 = libc::NETLINK_KOBJECT_UEVENT;
/// `NETLINK_GENERIC`: generic netlink (families resolved by name: nl80211, devlink ...).
pub const NETLINK_GENERIC: i32 = libc::NETLINK_GENERIC;
/// `NETLINK_SCSITRANSPORT`: SCSI transport events.
pub const NETLINK_SCSITRANSPORT: i32 = libc::NETLINK_SCSITRANSPORT;
/// `NETLINK_ECRYPTFS`: eCryptfs.
pub const NETLINK_ECRYPTFS: i32 = libc::NETLINK_ECRYPTFS;
/// `NETLINK_RDMA`: RDMA (InfiniBand) management.
pub const NETLINK_RDMA: i32 = libc::NETLINK_RDMA;
/// `NETLINK_CRYPTO`: the crypto API's algorithm configuration.
pub const NETLINK_CRYPTO: i32 = libc::NETLINK_CRYPTO;
/// `NETLINK_SMC`: SMC socket monitoring.
pub const NETLINK_SMC: i32 = 22;

/// `SOL_NETLINK`: the option level of the `NETLINK_*` options below.
pub const SOL_NETLINK: i32 = libc::SOL_NETLINK;
/// `NETLINK_ADD_MEMBERSHIP`: option: join a multicast group (group number).
pub const NETLINK_ADD_MEMBERSHIP: i32 = libc::NETLINK_ADD_MEMBERSHIP;
/// `NETLINK_DROP_MEMBERSHIP`: option: leave a multicast group.
pub const NETLINK_DROP_MEMBERSHIP: i32 = libc::NETLINK_DROP_MEMBERSHIP;
/// `NETLINK_PKTINFO`: option: deliver each message's group as `NETLINK_PKTINFO` ancillary data.
pub const NETLINK_PKTINFO: i32 = libc::NETLINK_PKTINFO;
/// `NETLINK_BROADCAST_ERROR`: option: report delivery failures to the broadcaster.
pub const NETLINK_BROADCAST_ERROR: i32 = libc::NETLINK_BROADCAST_ERROR;
/// `NETLINK_NO_ENOBUFS`: option: do not report dropped messages with `ENOBUFS`.
pub const NETLINK_NO_ENOBUFS: i32 = libc::NETLINK_NO_ENOBUFS;
/// `NETLINK_RX_RING`: option: the receive mmap ring (removed from Linux).
pub const NETLINK_RX_RING: i32 = libc::NETLINK_RX_RING;
/// `NETLINK_TX_RING`: option: the send mmap ring (removed from Linux).
pub const NETLINK_TX_RING: i32 = libc::NETLINK_TX_RING;
/// `NETLINK_LISTEN_ALL_NSID`: option: receive multicast of all peer network namespaces.
pub const NETLINK_LISTEN_ALL_NSID: i32 = libc::NETLINK_LISTEN_ALL_NSID;
/// `NETLINK_LIST_MEMBERSHIPS`: option: the joined groups as a bit array (read only).
pub const NETLINK_LIST_MEMBERSHIPS: i32 = libc::NETLINK_LIST_MEMBERSHIPS;
/// `NETLINK_CAP_ACK`: option: error acknowledgements do not echo the request payload.
pub const NETLINK_CAP_ACK: i32 = libc::NETLINK_CAP_ACK;
/// `NETLINK_EXT_ACK`: option: extended acknowledgements (error message, offset attributes).
pub const NETLINK_EXT_ACK: i32 = libc::NETLINK_EXT_ACK;
/// `NETLINK_GET_STRICT_CHK`: option: strict checking of dump requests.
pub const NETLINK_GET_STRICT_CHK: i32 = libc::NETLINK_GET_STRICT_CHK;

// nlmsg_flags.
/// `NLM_F_REQUEST`: the message is a request.
pub const NLM_F_REQUEST: u16 = libc::NLM_F_REQUEST as u16;
/// `NLM_F_MULTI`: part of a multipart reply, ended by `NLMSG_DONE`.
pub const NLM_F_MULTI: u16 = libc::NLM_F_MULTI as u16;
/// `NLM_F_ACK`: ask for an acknowledgement.
pub const NLM_F_ACK: u16 = libc::NLM_F_ACK as u16;
/// `NLM_F_ECHO`: echo this request back.
pub const NLM_F_ECHO: u16 = libc::NLM_F_ECHO as u16;
/// `NLM_F_DUMP_INTR`: the dump was inconsistent because the data changed during it.
pub const NLM_F_DUMP_INTR: u16 = libc::NLM_F_DUMP_INTR as u16;
/// `NLM_F_DUMP_FILTERED`: the dump was filtered as requested.
pub const NLM_F_DUMP_FILTERED: u16 = libc::NLM_F_DUMP_FILTERED as u16;
// GET requests.
/// `NLM_F_ROOT`: GET: return the whole table.
pub const NLM_F_ROOT: u16 = libc::NLM_F_ROOT as u16;
/// `NLM_F_MATCH`: GET: return every matching entry.
pub const NLM_F_MATCH: u16 = libc::NLM_F_MATCH as u16;
/// `NLM_F_ATOMIC`: GET: an atomic snapshot of the table.
pub const NLM_F_ATOMIC: u16 = libc::NLM_F_ATOMIC as u16;
/// `NLM_F_DUMP`: GET: dump (`NLM_F_ROOT | NLM_F_MATCH`).
pub const NLM_F_DUMP: u16 = NLM_F_ROOT | NLM_F_MATCH;
// NEW requests.
/// `NLM_F_REPLACE`: NEW: replace an existing object.
pub const NLM_F_REPLACE: u16 = libc::NLM_F_REPLACE as u16;
/// `NLM_F_EXCL`: NEW: fail if the object exists.
pub const NLM_F_EXCL: u16 = libc::NLM_F_EXCL as u16;
/// `NLM_F_CREATE`: NEW: create the object if it does not exist.
pub const NLM_F_CREATE: u16 = libc::NLM_F_CREATE as u16;
/// `NLM_F_APPEND`: NEW: add to the end of the list.
pub const NLM_F_APPEND: u16 = libc::NLM_F_APPEND as u16;
// DELETE requests.
/// `NLM_F_NONREC`: DELETE: do not delete recursively.
pub const NLM_F_NONREC: u16 = libc::NLM_F_NONREC as u16;
/// `NLM_F_BULK`: DELETE: delete several objects.
pub const NLM_F_BULK: u16 = libc::NLM_F_BULK as u16;
// Acknowledgements.
/// `NLM_F_CAPPED`: ACK: the request payload was capped.
pub const NLM_F_CAPPED: u16 = libc::NLM_F_CAPPED as u16;
/// `NLM_F_ACK_TLVS`: ACK: extended acknowledgement attributes follow.
pub const NLM_F_ACK_TLVS: u16 = libc::NLM_F_ACK_TLVS as u16;

// Control message types.
/// `NLMSG_NOOP`: message type: nothing, to be ignored.
pub const NLMSG_NOOP: u16 = libc::NLMSG_NOOP as u16;
/// `NLMSG_ERROR`: message type: an error or acknowledgement (`struct nlmsgerr`).
pub const NLMSG_ERROR: u16 = libc::NLMSG_ERROR as u16;
/// `NLMSG_DONE`: message type: the end of a multipart reply.
pub const NLMSG_DONE: u16 = libc::NLMSG_DONE as u16;
/// `NLMSG_OVERRUN`: message type: data was lost.
pub const NLMSG_OVERRUN: u16 = libc::NLMSG_OVERRUN as u16;
/// `NLMSG_MIN_TYPE`: the first message type that is not a control message.
pub const NLMSG_MIN_TYPE: u16 = libc::NLMSG_MIN_TYPE as u16;

/// `NLMSGERR_ATTR_MSG`: in an extended acknowledgement: the kernel's error or warning text.
pub const NLMSGERR_ATTR_MSG: u16 = 1;
/// `NLMSGERR_ATTR_OFFS`: in an extended acknowledgement: the offset of the faulty attribute
/// in the request (a `u32`).
pub const NLMSGERR_ATTR_OFFS: u16 = 2;

/// `NLMSG_ALIGNTO`: messages and attributes are padded to this many bytes.
pub const NLMSG_ALIGNTO: usize = 4;
/// `NLMSG_HDRLEN`: the size of `struct nlmsghdr`.
pub const NLMSG_HDRLEN: usize = 16;
/// `NLA_HDRLEN`: the size of `struct nlattr`.
pub const NLA_HDRLEN: usize = 4;
/// `NLA_F_NESTED`: attribute type bit marking nested attributes.
pub const NLA_F_NESTED: u16 = 1 << 15;
/// `NLA_F_NET_BYTEORDER`: attribute type bit marking big-endian payloads.
pub const NLA_F_NET_BYTEORDER: u16 = 1 << 14;
/// `NLA_TYPE_MASK`: the attribute type without the two flag bits.
pub const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_libc() {
        assert_eq!(NETLINK_ROUTE, libc::NETLINK_ROUTE);
        assert_eq!(NETLINK_CRYPTO, libc::NETLINK_CRYPTO);
        assert_eq!(NETLINK_DNRTMSG, libc::NETLINK_DNRTMSG);
        assert_eq!(NETLINK_IP6_FW, libc::NETLINK_IP6_FW);
        assert_eq!(NETLINK_GENERIC, libc::NETLINK_GENERIC);
        assert_eq!(NETLINK_KOBJECT_UEVENT, libc::NETLINK_KOBJECT_UEVENT);
        assert_eq!(SOL_NETLINK, libc::SOL_NETLINK);
        assert_eq!(NETLINK_EXT_ACK, libc::NETLINK_EXT_ACK);
        assert_eq!(NETLINK_GET_STRICT_CHK, libc::NETLINK_GET_STRICT_CHK);
        assert_eq!(i32::from(NLM_F_DUMP), libc::NLM_F_DUMP);
        assert_eq!(i32::from(NLM_F_CREATE), libc::NLM_F_CREATE);
        assert_eq!(i32::from(NLMSG_ERROR), libc::NLMSG_ERROR);
        assert_eq!(i32::from(NLMSG_MIN_TYPE), libc::NLMSG_MIN_TYPE);
        assert_eq!(AF_NETLINK, 16);
    }
}
