//! The AF_ALG socket calls of CPython's `socket` module, on a plain [`Socket`]: creating and
//! binding a transform socket, `accept` (which AF_ALG does without an address) and
//! `sendmsg_afalg` (the options are in `options.rs`).
//!
//! The kernel's model: a *transform* socket is bound to an algorithm and holds its key; each
//! `accept` on it gives an *operation* socket where data is written and the result read.
//! Accepting on an operation socket of a hash clones its running state.

use std::io::{self, IoSlice};

use libc::c_int;
use sock_core::{Family, Protocol, Socket, SocketKind, ToSockAddr, Type};

use crate::control::{with_control, AlgCmsg};
use crate::Op;

/// Creates an AF_ALG transform socket (`socket(AF_ALG, SOCK_SEQPACKET, 0)`) bound to `addr`:
/// an [`AlgAddr`](crate::AlgAddr), `("hash", "sha256")` or `("skcipher", "cbc(aes)", feat, mask)`.
///
/// Errors: `ENOENT` (`NotFound`) for an algorithm the kernel does not know; the address
/// checks of [`AlgAddr`](crate::AlgAddr); `EAFNOSUPPORT` where AF_ALG is missing.
///
/// ```no_run
/// let tfm = sock_alg::transform(("hash", "sha256"))?;
/// let op = sock_alg::accept(&tfm)?;
/// op.send_all(b"abc")?;
/// let digest = op.recv_vec(64)?;
/// assert_eq!(digest.len(), 32);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn transform<M>(addr: impl ToSockAddr<M>) -> io::Result<Socket> {
    let sock = Socket::new(Family::ALG, Type::SEQPACKET, None)?;
    sock.bind(addr)?;
    Ok(sock)
}

/// `socket.accept()` on an AF_ALG socket: a new operation socket (close-on-exec, in the
/// default timeout like every accepted socket). On a transform socket it starts a fresh
/// operation; on a hash operation socket it clones the running state.
///
/// AF_ALG sockets have no address (`accept(2)` fails with `ECONNABORTED` when asked for one);
/// `Socket::accept` knows and passes NULL as CPython does, so this is that call without the
/// empty address.
pub fn accept(sock: &Socket) -> io::Result<Socket> {
    sock.accept().map(|(op, _)| op)
}

/// `socket.sendmsg_afalg(msgs, *, op, iv, assoclen, flags)`: sends `msgs` on an operation
/// socket with the `ALG_SET_OP`, and if given `ALG_SET_IV` and `ALG_SET_AEAD_ASSOCLEN`,
/// control messages. Returns the bytes sent. Pass `MSG_MORE` when more data of the same
/// request follows.
///
/// CPython's argument checks are in the types: `op` is required and non-negative, `assoclen`
/// non-negative. The control buffer lives on the stack for IVs up to 64 bytes.
///
/// ```no_run
/// use std::io::IoSlice;
/// use sock_alg::{sendmsg_afalg, Op};
/// let tfm = sock_alg::transform(("skcipher", "cbc(aes)"))?;
/// sock_alg::set_key(&tfm, &[0x11; 16])?;
/// let op = sock_alg::accept(&tfm)?;
/// sendmsg_afalg(&op, &[IoSlice::new(&[0; 16])], Op::ENCRYPT, Some(&[0; 16]), None, 0)?;
/// let ct = op.recv_vec(16)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn sendmsg_afalg(
    op_sock: &Socket,
    msgs: &[IoSlice<'_>],
    op: Op,
    iv: Option<&[u8]>,
    assoclen: Option<u32>,
    flags: c_int,
) -> io::Result<usize> {
    let mut items = [AlgCmsg::Op(op); 3];
    let mut n = 1;
    for item in [iv.map(AlgCmsg::Iv), assoclen.map(AlgCmsg::AssocLen)].into_iter().flatten() {
        items[n] = item;
        n += 1;
    }
    with_control(&items[..n], |control| op_sock.send_msg(msgs, control, flags, None))
}

/// The kind of an AF_ALG socket, transform or operation (`SOCK_SEQPACKET`, protocol 0), named
/// `name` for messages. The kernel does not tell an operation socket from a transform
/// socket, nor a hash from a cipher, so this checks family and type only.
pub(crate) const fn alg_kind(name: &'static str) -> SocketKind {
    SocketKind { family: Family::ALG, types: &[Type::SEQPACKET], protocol: Some(Protocol(0)), name }
}
