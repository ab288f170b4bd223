package dev.tulip.admin.internal.pg;

import java.util.List;

/** The admin's own tables, created if missing, in one transaction under an advisory lock. */
final class StoreSchema {
    /** The lock's key: "tuladmin" in ASCII, clear of tulip-pg's migration lock. */
    static final long LOCK = 0x7475_6c61_646d_696eL;

    static final List<String> STATEMENTS = List.of(
            """
            create table if not exists tulip_admin_users (
                username text primary key,
                password_hash text not null,
                superuser boolean not null default false,
                permissions text[] not null default '{}',
                active boolean not null default true,
                created_at timestamptz not null default now())""",
            """
            create table if not exists tulip_admin_sessions (
                id text primary key,
                "values" jsonb not null,
                expires_at timestamptz not null)""",
            "create index if not exists tulip_admin_sessions_expires_at on tulip_admin_sessions (expires_at)",
            """
            create table if not exists tulip_admin_login_failures (
                key text not null,
                at timestamptz not null default clock_timestamp())""",
            "create index if not exists tulip_admin_login_failures_key_at on tulip_admin_login_failures (key, at)",
            """
            create table if not exists tulip_admin_settings (
                name text primary key,
                value text not null)""");

    private StoreSchema() {}
}
