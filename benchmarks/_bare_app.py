"""A bare Flask app served the same way as the product: the baseline for the load ratio."""

from flask import Flask, jsonify, request


def create_bare_app() -> Flask:
    app = Flask(__name__)

    @app.post("/api/v1/assess")
    def assess():
        return jsonify({"level": "universal", "received": len(request.get_data())})

    @app.get("/")
    def index():
        return "<!doctype html><title>bare</title><p>bare</p>"

    return app
