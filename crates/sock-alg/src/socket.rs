//! The AF_ALG socket calls of CPython's `socket` module, on a plain [`Socket`]: creating and
//! binding a transform socket, `accept` (which AF_ALG does without an address) and
//! `sendmsg_afalg` (the options are in `options.rs`).
//!
//! The kernel's model: a *transform* socket is bound to an algorithm and holds its key; each
//! `accept` on it gives an *operation* socket where data is written and the result read.
//! Accepting on an operation socket of a hash clones its running state.

use std::io::{self, IoSlice};

use sock_core::{ErrorContext, Family, FamilyAddr, MsgFlags, Protocol, SockAddr, Socket, SocketKind, ToSockAddr, Type};

use crate::addr::AlgAddr;
use crate::control::{with_control, AlgCmsg};
use crate::Op;

/// Creates an AF_ALG transform socket (`socket(AF_ALG, SOCK_SEQPACKET, 0)`) bound to `addr`:
/// an [`AlgAddr`](crate::AlgAddr), `("hash", "sha256")` or `("skcipher", "cbc(aes)", feat, mask)`.
///
/// Errors: an algorithm the kernel does not know is `NotFound` (`ENOENT`) with the message
/// `bind hash:sha999: no such algorithm (ENOENT); ...` (and a hint to look in
/// `/proc/crypto`); the address checks of [`AlgAddr`](crate::AlgAddr) are `InvalidInput`;
/// where AF_ALG is missing, `EAFNOSUPPORT` with the hint `modprobe af_alg`.
///
/// ```no_run
/// let tfm = sock::alg::transform(("hash", "sha256"))?;
/// let op = sock::alg::accept(&tfm)?;
/// op.send_all(b"abc")?;
/// let digest = op.recv_vec(64)?;
/// assert_eq!(digest.len(), 32);
/// let e = sock::alg::transform(("hash", "sha999")).unwrap_err();
/// assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
/// assert!(e.to_string().starts_with("bind hash:sha999: no such algorithm (ENOENT)"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn transform<M>(addr: impl ToSockAddr<M>) -> io::Result<Socket> {
    let sock = Socket::new(Family::ALG, Type::SEQPACKET, None)?;
    let raw = addr.to_sock_addr(&sock).map_err(|e| sock_core::context(e, "bind", ""))?;
    sock.bind(raw).map_err(|e| name_bind_error(e, &raw))?;
    Ok(sock)
}

/// A failed `bind`: named by the algorithm address in its text form (sock-core can only show
/// its bytes), and an unknown algorithm said so: `bind hash:sha999: no such algorithm (ENOENT)`.
#[cold]
fn name_bind_error(e: io::Error, raw: &SockAddr) -> io::Error {
    let Ok(addr) = AlgAddr::decode(raw) else { return e };
    match ErrorContext::renamed(e, raw, addr) {
        Ok(ctx) if ctx.inner().raw_os_error() == Some(libc::ENOENT) => ctx
            .text("no such algorithm")
            .hint("the kernel lists the algorithms it has, with their types, in /proc/crypto")
            .into(),
        Ok(ctx) => ctx.into(),
        Err(e) => e,
    }
}

/// `socket.accept()` on an AF_ALG socket: a new operation socket (close-on-exec, in the
/// default timeout like every accepted socket). On a transform socket it starts a fresh
/// operation; on a hash operation socket it clones the running state.
///
/// AF_ALG sockets have no address (`accept(2)` fails with `ECONNABORTED` when asked for one);
/// `Socket::accept` knows and passes NULL as CPython does, so this is that call without the
/// empty address.
///
/// ```no_run
/// use sock::alg::{accept, transform};
/// let tfm = transform(("hash", "sha1"))?;
/// let op = accept(&tfm)?; // a fresh operation
/// op.send_with_flags(b"a", sock::consts::MSG_MORE)?;
/// let fork = accept(&op)?; // the running state "a", cloned
/// op.send(b"bc")?;
/// fork.send(b"bc")?;
/// assert_eq!(op.recv_vec(20)?, fork.recv_vec(20)?); // both SHA-1("abc")
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn accept(sock: &Socket) -> io::Result<Socket> {
    sock.accept().map(|(op, _)| op)
}

/// `socket.sendmsg_afalg(msgs, *, op, iv, assoclen, flags)`: sends `msgs` on an operation
/// socket with the `ALG_SET_OP`, and if given `ALG_SET_IV` and `ALG_SET_AEAD_ASSOCLEN`,
/// control messages. Returns the bytes sent. Pass `MsgFlags::MORE` (or CPython's `MSG_MORE`)
/// when more data of the same request follows, `MsgFlags::NONE` (or 0) otherwise.
///
/// CPython's argument checks are in the types: `op` is required and non-negative, `assoclen`
/// non-negative; an `assoclen` above `u32::MAX` is `InvalidInput` naming it. The control
/// buffer lives on the stack for IVs up to 64 bytes.
///
/// ```no_run
/// use std::io::IoSlice;
/// use sock::alg::{sendmsg_afalg, Op};
/// let tfm = sock::alg::transform(("skcipher", "cbc(aes)"))?;
/// sock::alg::set_key(&tfm, &[0x11; 16])?;
/// let op = sock::alg::accept(&tfm)?;
/// sendmsg_afalg(&op, &[IoSlice::new(&[0; 16])], Op::ENCRYPT, Some(&[0; 16]), None, 0)?;
/// let ct = op.recv_vec(16)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn sendmsg_afalg(
    op_sock: &Socket,
    msgs: &[IoSlice<'_>],
    op: impl Into<Op>,
    iv: Option<&[u8]>,
    assoclen: Option<usize>,
    flags: impl Into<MsgFlags>,
) -> io::Result<usize> {
    let assoclen = assoclen
        .map(|n| u32::try_from(n).map_err(|_| sock_core::invalid_input("assoclen", "above u32::MAX")))
        .transpose()?;
    let mut items = [AlgCmsg::Op(op.into()); 3];
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
