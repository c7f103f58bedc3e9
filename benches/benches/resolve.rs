//! `getaddrinfo` of a host: `sock::resolve::getaddrinfo` against libc's `getaddrinfo` (called
//! directly, results walked and freed) and `std::net::ToSocketAddrs`.
//!
//! Hosts: the numeric `127.0.0.1` and `::1`, which `sock` answers without calling libc (its
//! numeric fast path), and `localhost`, which every contender resolves through NSS
//! (`/etc/hosts`). All three ask for `SOCK_STREAM` results with a numeric port.
//!
//! Run: `cargo bench -p sock-benches --bench resolve`.

use std::ffi::CString;
use std::hint::black_box;
use std::net::{SocketAddr, ToSocketAddrs};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use sock::resolve::getaddrinfo;

/// libc's getaddrinfo for `host`/`port`, `SOCK_STREAM`, returning how many results it gave.
fn libc_getaddrinfo(host: &CString, port: &CString) -> usize {
    // SAFETY: all-zero is a valid `addrinfo` hints value (null pointers, zero numbers).
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_socktype = libc::SOCK_STREAM;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: two C strings, initialised hints and an out-pointer.
    let rc = unsafe { libc::getaddrinfo(host.as_ptr(), port.as_ptr(), &hints, &mut res) };
    assert_eq!(rc, 0, "getaddrinfo failed");
    let mut n = 0;
    let mut cur = res;
    while !cur.is_null() {
        n += 1;
        // SAFETY: `cur` is a node of the list getaddrinfo returned, not yet freed.
        cur = unsafe { (*cur).ai_next };
    }
    // SAFETY: `res` is the list of a successful call, freed once.
    unsafe { libc::freeaddrinfo(res) };
    n
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("getaddrinfo");
    for host in ["127.0.0.1", "::1", "localhost"] {
        group.bench_with_input(BenchmarkId::new("sock", host), host, |b, host| {
            b.iter(|| getaddrinfo(Some(black_box(host)), 8080, 0, libc::SOCK_STREAM, 0, 0).unwrap().len())
        });
        let (chost, cport) = (CString::new(host).unwrap(), CString::new("8080").unwrap());
        group.bench_with_input(BenchmarkId::new("libc", host), host, |b, _| {
            b.iter(|| libc_getaddrinfo(black_box(&chost), black_box(&cport)))
        });
        group.bench_with_input(BenchmarkId::new("std", host), host, |b, host| {
            b.iter(|| (black_box(host), 8080u16).to_socket_addrs().unwrap().collect::<Vec<SocketAddr>>().len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
