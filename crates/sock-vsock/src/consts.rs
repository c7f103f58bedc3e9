//! `AF_VSOCK` constants under their Python names with the Linux values
//! (`<linux/vm_sockets.h>`).

use libc::c_int;

/// The option level of the `SO_VM_SOCKETS_*` options: the family number itself.
pub const SOL_VSOCK: c_int = libc::AF_VSOCK;

/// `SO_VM_SOCKETS_BUFFER_SIZE`: the buffer size of a stream socket (64-bit value).
pub const SO_VM_SOCKETS_BUFFER_SIZE: c_int = 0;
/// `SO_VM_SOCKETS_BUFFER_MIN_SIZE`: the least buffer size the socket may be set to (64-bit).
pub const SO_VM_SOCKETS_BUFFER_MIN_SIZE: c_int = 1;
/// `SO_VM_SOCKETS_BUFFER_MAX_SIZE`: the largest buffer size the socket may be set to (64-bit).
pub const SO_VM_SOCKETS_BUFFER_MAX_SIZE: c_int = 2;
/// `SO_VM_SOCKETS_PEER_HOST_VM_ID`: the peer VM's host id (VMCI transport only).
pub const SO_VM_SOCKETS_PEER_HOST_VM_ID: c_int = 3;
/// `SO_VM_SOCKETS_TRUSTED`: whether the socket is trusted (VMCI transport only).
pub const SO_VM_SOCKETS_TRUSTED: c_int = 5;
/// The 64-bit `struct timeval` variant, which is what `SO_VM_SOCKETS_CONNECT_TIMEOUT` means on
/// 64-bit Linux.
pub const SO_VM_SOCKETS_CONNECT_TIMEOUT_OLD: c_int = 6;
/// `SO_VM_SOCKETS_NONBLOCK_TXRX`: non-blocking send/receive in the transport (VMCI only).
pub const SO_VM_SOCKETS_NONBLOCK_TXRX: c_int = 7;
/// `SO_VM_SOCKETS_CONNECT_TIMEOUT_NEW`: the connect timeout as a 64-bit `struct __kernel_sock_timeval`.
pub const SO_VM_SOCKETS_CONNECT_TIMEOUT_NEW: c_int = 8;
/// `SO_VM_SOCKETS_CONNECT_TIMEOUT`: how long `connect` waits for the peer (`struct timeval`).
pub const SO_VM_SOCKETS_CONNECT_TIMEOUT: c_int = SO_VM_SOCKETS_CONNECT_TIMEOUT_OLD;

/// `VMADDR_CID_ANY`: any context id (bind to every CID of this machine).
pub const VMADDR_CID_ANY: u32 = libc::VMADDR_CID_ANY;
/// `VMADDR_CID_HYPERVISOR`: the hypervisor's context id (reserved).
pub const VMADDR_CID_HYPERVISOR: u32 = libc::VMADDR_CID_HYPERVISOR;
/// `VMADDR_CID_LOCAL`: this machine, through the `vsock_loopback` transport.
pub const VMADDR_CID_LOCAL: u32 = libc::VMADDR_CID_LOCAL;
/// `VMADDR_CID_HOST`: the host, seen from a guest.
pub const VMADDR_CID_HOST: u32 = libc::VMADDR_CID_HOST;
/// `VMADDR_PORT_ANY`: any port (the kernel picks one when binding).
pub const VMADDR_PORT_ANY: u32 = libc::VMADDR_PORT_ANY;
/// `svm_flags`: route to the host even when the CID is not the host's (nested VMs).
pub const VMADDR_FLAG_TO_HOST: u8 = 0x01;
/// `VM_SOCKETS_INVALID_VERSION`: the version number reported when none is known.
pub const VM_SOCKETS_INVALID_VERSION: u32 = 0xffff_ffff;

/// `IOCTL_VM_SOCKETS_GET_LOCAL_CID` (`_IO(7, 0xb9)`): the `ioctl` on `/dev/vsock` that reports the local CID.
pub const IOCTL_VM_SOCKETS_GET_LOCAL_CID: u32 = 0x7b9;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_python() {
        // python3 -c 'import socket as s; print(s.SO_VM_SOCKETS_BUFFER_SIZE, ...)'
        assert_eq!(
            (SO_VM_SOCKETS_BUFFER_SIZE, SO_VM_SOCKETS_BUFFER_MIN_SIZE, SO_VM_SOCKETS_BUFFER_MAX_SIZE),
            (0, 1, 2)
        );
        assert_eq!((VMADDR_CID_ANY, VMADDR_PORT_ANY, VMADDR_CID_LOCAL, VMADDR_CID_HOST), (u32::MAX, u32::MAX, 1, 2));
        assert_eq!(IOCTL_VM_SOCKETS_GET_LOCAL_CID, 1977);
        assert_eq!(VM_SOCKETS_INVALID_VERSION, 4294967295);
        assert_eq!(SOL_VSOCK, 40);
    }
}
