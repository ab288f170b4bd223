wrk.method = "POST"
wrk.body = '{"name": "masnun", "phone": "555-0100"}'
wrk.headers["Content-Type"] = "application/json"
