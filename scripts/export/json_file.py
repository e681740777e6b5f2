"""The JSON export for other systems, with a schema version and a JSON Schema.

SCHEMA is the contract: the file is checked against it in the tests, it is published
beside the file (tai-ve/tinh-hinh-nop.schema.json), and the site's download page
documents each field from its descriptions. Raise SCHEMA_VERSION when a field is
removed or changes meaning, or is added at the top level (which admits no unknown field);
adding a field inside an object keeps the version.
"""

from __future__ import annotations

import json

from scripts.model import School
from scripts.render import site_paths as paths
from scripts.render.board.common import SAMPLE_NOTICE
from scripts.status.board import Board
from scripts.status.judge import DUE_RULE, State

SCHEMA_VERSION = 2
"""2: `sample_notice` added (the root object admits no unknown field, so a reader checking
against the schema of version 1 would refuse the new file)."""

SAMPLE_NOTICE_TEXT = f"Dữ liệu minh họa: {SAMPLE_NOTICE}"

_DATE = {"type": "string", "format": "date"}


def _nullable(schema: dict, description: str) -> dict:
    return {"anyOf": [schema, {"type": "null"}], "description": description}


SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Tình hình nộp đăng ký, báo cáo theo Kế hoạch",
    "type": "object",
    "required": [
        "sample_notice",
        "sample",
        "schema_version",
        "as_of",
        "plan",
        "deadlines",
        "schools",
    ],
    "additionalProperties": False,
    "properties": {
        "sample_notice": _nullable(
            {"type": "string"},
            "Lời báo cho người đọc, bằng tiếng Việt, khi đây là dữ liệu minh họa; null khi "
            "là số liệu thật. Đứng đầu tệp, cạnh sample.",
        ),
        "sample": {
            "type": "boolean",
            "description": "true khi đây là dữ liệu minh họa, không phải số liệu thật.",
        },
        "schema_version": {
            "const": SCHEMA_VERSION,
            "description": "Phiên bản cấu trúc tệp. Tăng khi một mục bị bỏ hay đổi nghĩa, "
            "hoặc có mục mới ở mức đầu tệp; thêm mục mới bên trong một đối tượng thì giữ "
            "nguyên. Phiên bản 2: thêm sample_notice.",
        },
        "as_of": _DATE | {"description": "Tình hình tính đến hết ngày này (NĂM-THÁNG-NGÀY)."},
        "due_rule": {"type": "string", "description": "Cách hiểu hạn chót khi tính tình trạng."},
        "plan": {
            "type": "object",
            "description": "Kế hoạch được theo dõi.",
            "required": ["id", "title", "issuer", "date"],
            "properties": {
                "id": {"type": "string", "description": "Mã kế hoạch."},
                "title": {"type": "string", "description": "Tên kế hoạch."},
                "issuer": {"type": "string", "description": "Cơ quan ban hành."},
                "date": _DATE | {"description": "Ngày ban hành."},
            },
        },
        "deadlines": {
            "type": "array",
            "description": "Các hạn nộp của kế hoạch, theo thứ tự trong kế hoạch.",
            "items": {
                "type": "object",
                "required": ["id", "title", "due", "section", "requires_model", "url", "counts"],
                "properties": {
                    "id": {"type": "string", "description": "Mã hạn nộp, dùng trong các tệp."},
                    "title": {"type": "string", "description": "Tên hạn nộp."},
                    "due": _DATE | {"description": "Hạn chót (nộp trong ngày này là đúng hạn)."},
                    "section": {"type": "string", "description": "Mục của kế hoạch, ví dụ III.4."},
                    "requires_model": {
                        "type": "boolean",
                        "description": "true khi văn bản nộp phải nêu mô hình “Dân vận khéo”.",
                    },
                    "url": {"type": "string", "description": "Trang của hạn nộp trên web."},
                    "counts": {
                        "type": "object",
                        "description": "Số trường theo từng tình trạng (mã tình trạng → số): "
                        + ", ".join(s.value for s in State)
                        + ".",
                        "required": [s.value for s in State],
                        "additionalProperties": {"type": "integer", "minimum": 0},
                    },
                },
            },
        },
        "schools": {
            "type": "array",
            "description": "Tất cả các trường, xếp theo tên.",
            "items": {
                "type": "object",
                "required": ["id", "name", "level", "commune", "url", "deadlines"],
                "properties": {
                    "id": {
                        "type": "string",
                        "description": "Mã trường (không đổi, dùng trong "
                        "địa chỉ trang của trường).",
                    },
                    "name": {"type": "string", "description": "Tên trường."},
                    "level": {
                        "type": "string",
                        "description": "Cấp học: MN, MG, TH, TH&THCS hoặc THCS.",
                    },
                    "commune": {"type": "string", "description": "Xã, thị trấn."},
                    "contact": _nullable(
                        {
                            "type": "object",
                            "required": ["name", "role"],
                            "properties": {
                                "name": {"type": "string"},
                                "role": {"type": "string"},
                            },
                        },
                        "Người phụ trách công tác dân vận: họ tên và chức vụ (có thể không có).",
                    ),
                    "url": {"type": "string", "description": "Trang của trường trên web."},
                    "deadlines": {
                        "type": "object",
                        "description": "Tình trạng của trường với từng hạn nộp (mã hạn nộp → "
                        "tình trạng).",
                        "additionalProperties": {"$ref": "#/$defs/status"},
                    },
                },
            },
        },
    },
    "$defs": {
        "status": {
            "type": "object",
            "required": ["state", "label", "days_late", "submission"],
            "properties": {
                "state": {
                    "enum": [s.value for s in State],
                    "description": "Mã tình trạng: "
                    + "; ".join(f"{s.value} = {s.label}" for s in State)
                    + ".",
                },
                "label": {"type": "string", "description": "Tình trạng bằng tiếng Việt."},
                "days_late": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Số ngày trễ (0 nếu không trễ).",
                },
                "submission": _nullable(
                    {
                        "type": "object",
                        "required": ["received", "number", "document_date", "model", "note"],
                        "properties": {
                            "received": _DATE | {"description": "Ngày Phòng nhận văn bản."},
                            "number": {"type": "string", "description": "Số, ký hiệu văn bản."},
                            "document_date": _nullable(_DATE, "Ngày của văn bản."),
                            "model": _nullable(
                                {
                                    "type": "object",
                                    "required": ["name", "kind"],
                                    "properties": {
                                        "name": {"type": "string"},
                                        "kind": {"enum": ["xây dựng mới", "nhân rộng"]},
                                    },
                                },
                                "Mô hình “Dân vận khéo” đăng ký: tên và “xây dựng mới” hay "
                                "“nhân rộng”.",
                            ),
                            "note": {"type": "string", "description": "Ghi chú."},
                            "link": {"type": "string", "description": "Liên kết tới văn bản."},
                        },
                    },
                    "Văn bản trường đã nộp (null nếu chưa nộp tính đến ngày as_of).",
                ),
            },
        }
    },
}


def _school(board: Board, school: School, site_url: str) -> dict:
    deadlines = {}
    for deadline in board.deadlines:
        status = board.status(school, deadline)
        sub = status.submission
        deadlines[deadline.id] = {
            "state": status.state.value,
            "label": status.text,
            "days_late": status.days_late,
            "submission": None
            if sub is None
            else {
                "received": sub.received.isoformat(),
                "number": sub.number,
                "document_date": sub.document_date.isoformat() if sub.document_date else None,
                "model": None
                if sub.model is None
                else {"name": sub.model.name, "kind": sub.model.kind.value},
                "note": sub.note,
                "link": sub.link,
            },
        }
    return {
        "id": school.id,
        "name": school.name,
        "level": school.level,
        "commune": school.commune,
        "contact": None
        if school.contact is None
        else {"name": school.contact.name, "role": school.contact.role},
        "url": paths.absolute(site_url, paths.school_page(school.id)),
        "deadlines": deadlines,
    }


def json_document(board: Board, site_url: str) -> dict:
    plan = board.dataset.plan
    sample = board.dataset.sample
    return {
        # First in the file: a person opening it reads that the data is not real.
        "sample_notice": SAMPLE_NOTICE_TEXT if sample else None,
        "sample": sample,
        "schema_version": SCHEMA_VERSION,
        "as_of": board.as_of.isoformat(),
        "due_rule": DUE_RULE,
        "plan": {
            "id": plan.id,
            "title": plan.title,
            "issuer": plan.issuer,
            "date": plan.date.isoformat(),
        },
        "deadlines": [
            {
                "id": d.id,
                "title": d.title,
                "due": d.due.isoformat(),
                "section": d.section,
                "requires_model": d.requires_model,
                "url": paths.absolute(site_url, paths.deadline_page(d.id)),
                "counts": {s.value: n for s, n in board.counts(d).by_state.items()},
            }
            for d in plan.deadlines
        ],
        "schools": [_school(board, school, site_url) for school in board.schools],
    }


def json_bytes(board: Board, site_url: str) -> bytes:
    return (json.dumps(json_document(board, site_url), ensure_ascii=False, indent=1) + "\n").encode(
        "utf-8"
    )


def schema_bytes() -> bytes:
    return (json.dumps(SCHEMA, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
