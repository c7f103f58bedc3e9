//! The libc calls of this crate, each behind a small safe function: glibc's reentrant
//! database lookups (which the `libc` crate does not declare), message lookups, and readers of
//! the C structures they fill.

use std::ffi::{CStr, CString};
use std::io;
use std::mem::MaybeUninit;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::ptr;

use libc::{c_char, c_int, c_void, hostent, protoent, servent, size_t, socklen_t};

use sock_core::invalid_input;

use crate::error::{ResolveError, HOST_NOT_FOUND, NETDB_INTERNAL};

extern "C" {
    fn gethostbyname2_r(
        name: *const c_char,
        af: c_int,
        ret: *mut hostent,
        buf: *mut c_char,
        buflen: size_t,
        result: *mut *mut hostent,
        h_errnop: *mut c_int,
    ) -> c_int;
    fn gethostbyaddr_r(
        addr: *const c_void,
        len: socklen_t,
        ty: c_int,
        ret: *mut hostent,
        buf: *mut c_char,
        buflen: size_t,
        result: *mut *mut hostent,
        h_errnop: *mut c_int,
    ) -> c_int;
    fn getservbyname_r(
        name: *const c_char,
        proto: *const c_char,
        ret: *mut servent,
        buf: *mut c_char,
        buflen: size_t,
        result: *mut *mut servent,
    ) -> c_int;
    fn getservbyport_r(
        port: c_int,
        proto: *const c_char,
        ret: *mut servent,
        buf: *mut c_char,
        buflen: size_t,
        result: *mut *mut servent,
    ) -> c_int;
    fn getprotobyname_r(
        name: *const c_char,
        ret: *mut protoent,
        buf: *mut c_char,
        buflen: size_t,
        result: *mut *mut protoent,
    ) -> c_int;
}

/// The first buffer size of the `*_r` lookups (CPython uses 16 KiB for hosts).
const FIRST_BUF: usize = 1024;
/// The largest buffer the `*_r` lookups may grow to before giving up with `ERANGE`.
const MAX_BUF: usize = 1 << 20;

/// A Rust string as a C string, for every name this crate passes to libc; an interior NUL is
/// [`EmbeddedNul`] naming `arg` (C would silently cut the name short at it).
pub(crate) fn c_string(arg: &'static str, value: &str) -> Result<CString, EmbeddedNul> {
    CString::new(value).map_err(|_| EmbeddedNul(arg))
}

/// A NUL character inside the argument it names: CPython's `ValueError: embedded null
/// character`. It converts into an `InvalidInput` [`io::Error`] and into a [`ResolveError`] of
/// kind `InvalidArgument`, both with the message `"{arg}: embedded null character"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EmbeddedNul(pub(crate) &'static str);

/// The text of an [`EmbeddedNul`] error after the argument's name.
const EMBEDDED_NUL: &str = "embedded null character";

impl From<EmbeddedNul> for io::Error {
    fn from(e: EmbeddedNul) -> io::Error {
        invalid_input(e.0, EMBEDDED_NUL)
    }
}

impl From<EmbeddedNul> for ResolveError {
    fn from(e: EmbeddedNul) -> ResolveError {
        ResolveError::invalid_argument(e.0, EMBEDDED_NUL)
    }
}

/// Checks that `value` has no NUL character, for names that are not passed as C strings but
/// must mean the same as if they were.
pub(crate) fn check_no_nul(arg: &'static str, value: &str) -> Result<(), EmbeddedNul> {
    if value.contains('\0') {
        return Err(EmbeddedNul(arg));
    }
    Ok(())
}

/// `gai_strerror(code)` as a `String`.
pub(crate) fn gai_strerror(code: c_int) -> String {
    // SAFETY: gai_strerror returns a pointer to a static, NUL-terminated message for any code
    // (glibc: "Unknown error" for unknown ones); we only read it.
    let msg = unsafe { libc::gai_strerror(code) };
    string_at(msg).unwrap_or_else(|| format!("resolver error {code}"))
}

/// `hstrerror(code)` as a `String`.
pub(crate) fn hstrerror(code: c_int) -> String {
    // SAFETY: hstrerror returns a pointer to a static, NUL-terminated message for any code.
    let msg = unsafe { libc::hstrerror(code) };
    string_at(msg).unwrap_or_else(|| format!("host database error {code}"))
}

/// Reads the NUL-terminated string at `p` (`None` for a null pointer).
///
/// Only called on pointers libc returned that point to NUL-terminated strings which stay valid
/// while we copy them (static messages, or entries inside a lookup buffer we own).
fn string_at(p: *const c_char) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: see above: `p` is non-null and points to a NUL-terminated string that outlives
    // this copy.
    Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

/// Reads a NULL-terminated array of string pointers (`h_aliases`, `s_aliases`...).
///
/// Only called on such arrays inside a lookup result whose buffer we still own.
fn string_list(mut p: *const *mut c_char) -> Vec<String> {
    let mut out = Vec::new();
    while !p.is_null() {
        // SAFETY: `p` points into a NULL-terminated pointer array filled by libc; we stop at
        // the terminating NULL, so every read is inside the array.
        let item = unsafe { *p };
        let Some(s) = string_at(item) else { break };
        out.push(s);
        // SAFETY: the current element was not the terminator, so the next one exists.
        p = unsafe { p.add(1) };
    }
    out
}

/// Runs a `*_r` lookup with a buffer that grows while it answers `ERANGE`. `call` gets the
/// buffer and returns the function's result code; the buffer (for reading the result) and the
/// last code come back. Callers look at the result pointer first, as CPython does: glibc
/// returns non-zero codes such as `ENOENT` for a plain "not found".
fn with_buffer(mut call: impl FnMut(&mut [u8]) -> c_int) -> (Vec<u8>, c_int) {
    let mut buf = vec![0u8; FIRST_BUF];
    loop {
        match call(&mut buf) {
            libc::ERANGE if buf.len() < MAX_BUF => buf = vec![0u8; buf.len() * 4],
            rc => return (buf, rc),
        }
    }
}

/// A host database entry: `(h_name, h_aliases, h_addr_list)`.
pub(crate) type RawHost = (String, Vec<String>, Vec<IpAddr>);

/// Reads a `hostent` filled by a `*_r` call whose buffer is still alive.
fn read_hostent(h: &hostent) -> RawHost {
    let name = string_at(h.h_name).unwrap_or_default();
    let aliases = string_list(h.h_aliases);
    let mut addrs = Vec::new();
    let mut p = h.h_addr_list as *const *mut c_char;
    let width = match (h.h_addrtype, h.h_length) {
        (libc::AF_INET, 4) => 4,
        (libc::AF_INET6, 16) => 16,
        _ => 0,
    };
    while width != 0 && !p.is_null() {
        // SAFETY: `h_addr_list` is a NULL-terminated array filled by libc; we stop at the NULL.
        let item = unsafe { *p };
        if item.is_null() {
            break;
        }
        let mut raw = [0u8; 16];
        // SAFETY: each entry points to `h_length` bytes (checked to be `width`) inside the
        // lookup buffer; `raw` has room for 16.
        unsafe { ptr::copy_nonoverlapping(item.cast::<u8>(), raw.as_mut_ptr(), width) };
        addrs.push(if width == 4 {
            IpAddr::V4(Ipv4Addr::new(raw[0], raw[1], raw[2], raw[3]))
        } else {
            IpAddr::V6(Ipv6Addr::from(raw))
        });
        // SAFETY: the current element was not the terminator, so the next one exists.
        p = unsafe { p.add(1) };
    }
    (name, aliases, addrs)
}

/// The outcome of a host lookup: the entry or the host database's error.
pub(crate) type HostLookup = Result<RawHost, ResolveError>;

/// `gethostbyname2_r(name, af)`.
pub(crate) fn host_by_name(name: &CStr, af: c_int) -> HostLookup {
    let mut ent = MaybeUninit::<hostent>::uninit();
    let mut found: *mut hostent = ptr::null_mut();
    let mut herr: c_int = 0;
    let (_buf, rc) = with_buffer(|buf| {
        // SAFETY: every pointer is valid for the call: a C string, our hostent storage, our
        // buffer with its true length, and two out-parameters.
        unsafe {
            gethostbyname2_r(
                name.as_ptr(),
                af,
                ent.as_mut_ptr(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut found,
                &mut herr,
            )
        }
    });
    host_result(found, herr, rc)
}

/// `gethostbyaddr_r(addr)`.
pub(crate) fn host_by_addr(addr: IpAddr) -> HostLookup {
    let (bytes, len, af) = match addr {
        IpAddr::V4(a) => {
            let mut b = [0u8; 16];
            b[..4].copy_from_slice(&a.octets());
            (b, 4, libc::AF_INET)
        }
        IpAddr::V6(a) => (a.octets(), 16, libc::AF_INET6),
    };
    let mut ent = MaybeUninit::<hostent>::uninit();
    let mut found: *mut hostent = ptr::null_mut();
    let mut herr: c_int = 0;
    let (_buf, rc) = with_buffer(|buf| {
        // SAFETY: `bytes` holds `len` address bytes; the other pointers are our storage, our
        // buffer with its true length, and two out-parameters.
        unsafe {
            gethostbyaddr_r(
                bytes.as_ptr().cast(),
                len,
                af,
                ent.as_mut_ptr(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut found,
                &mut herr,
            )
        }
    });
    host_result(found, herr, rc)
}

/// Reads the result of a host lookup while its buffer is alive (the callers keep it): the
/// entry, or the `h_errno` error (`NETDB_INTERNAL` carries the OS error the call returned).
fn host_result(found: *mut hostent, herr: c_int, rc: c_int) -> HostLookup {
    if found.is_null() {
        return Err(match herr {
            0 => ResolveError::from_herrno(HOST_NOT_FOUND, None),
            NETDB_INTERNAL => ResolveError::from_herrno(NETDB_INTERNAL, (rc != 0).then_some(rc)),
            code => ResolveError::from_herrno(code, None),
        });
    }
    // SAFETY: a non-null result points to the hostent storage the lookup initialised, whose
    // strings live in the buffer the caller still holds.
    Ok(read_hostent(unsafe { &*found }))
}

/// `getservbyname_r(name, proto)`: the port (host order), if found.
pub(crate) fn serv_by_name(name: &CStr, proto: Option<&CStr>) -> io::Result<Option<u16>> {
    let mut ent = MaybeUninit::<servent>::uninit();
    let mut found: *mut servent = ptr::null_mut();
    let (_buf, _) = with_buffer(|buf| {
        // SAFETY: C strings (or NULL for no protocol), our servent storage, our buffer with
        // its true length, and an out-parameter.
        unsafe {
            getservbyname_r(
                name.as_ptr(),
                proto.map_or(ptr::null(), CStr::as_ptr),
                ent.as_mut_ptr(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut found,
            )
        }
    });
    if found.is_null() {
        return Ok(None);
    }
    // SAFETY: a non-null result points to the servent storage the lookup initialised.
    let port = unsafe { (*found).s_port };
    Ok(Some(u16::from_be(port as u16)))
}

/// `getservbyport_r(port, proto)`: the service name, if found.
pub(crate) fn serv_by_port(port: u16, proto: Option<&CStr>) -> io::Result<Option<String>> {
    let mut ent = MaybeUninit::<servent>::uninit();
    let mut found: *mut servent = ptr::null_mut();
    let (buf, _) = with_buffer(|buf| {
        // SAFETY: the port in network order as an int, a C string or NULL, our servent
        // storage, our buffer with its true length, and an out-parameter.
        unsafe {
            getservbyport_r(
                c_int::from(port.to_be()),
                proto.map_or(ptr::null(), CStr::as_ptr),
                ent.as_mut_ptr(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut found,
            )
        }
    });
    if found.is_null() {
        return Ok(None);
    }
    // SAFETY: a non-null result points to the initialised servent, whose name lives in `buf`,
    // which is still alive.
    let name = string_at(unsafe { (*found).s_name });
    drop(buf);
    Ok(name)
}

/// `getprotobyname_r(name)`: the protocol number, if found.
pub(crate) fn proto_by_name(name: &CStr) -> io::Result<Option<c_int>> {
    let mut ent = MaybeUninit::<protoent>::uninit();
    let mut found: *mut protoent = ptr::null_mut();
    let (_buf, _) = with_buffer(|buf| {
        // SAFETY: a C string, our protoent storage, our buffer with its true length, and an
        // out-parameter.
        unsafe { getprotobyname_r(name.as_ptr(), ent.as_mut_ptr(), buf.as_mut_ptr().cast(), buf.len(), &mut found) }
    });
    if found.is_null() {
        return Ok(None);
    }
    // SAFETY: a non-null result points to the protoent storage the lookup initialised.
    Ok(Some(unsafe { (*found).p_proto }))
}
